import { rankLabel } from '../../shared/auth/principal.ts';
import type { DemoStaffMember } from './demo-staff.ts';

const escapeHtml = (value: string): string =>
  value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');

const departmentLabels: Record<DemoStaffMember['department'], string> = {
  PPU: 'Public Protection Unit',
  PSD: 'Professional Standards Department',
  FORCE_RESPONSE: 'Force Response',
  CONTACT_CENTRE: 'Contact centre',
  NEIGHBOURHOOD: 'Neighbourhood policing',
  CID: 'CID',
  COMMAND: 'Command',
  OPCC: "Police and Crime Commissioner's office",
};

export interface SignInPageInput {
  readonly forceName: string;
  readonly staff: readonly DemoStaffMember[];
  readonly returnTo: string;
  /** Set when the form was sent without a choice: the page shows the GOV.UK error summary. */
  readonly missingChoice?: boolean;
}

const radio = (person: DemoStaffMember, index: number): string => {
  // GOV.UK convention: the first radio carries the field's id so the error summary can link to it.
  const id = index === 0 ? 'person' : `person-${person.id}`;
  const hintId = `${id}-hint`;
  const rank = person.rank === 'police-staff' ? 'Police staff' : rankLabel(person.rank);
  const number = person.rank === 'police-staff' ? 'staff number' : 'collar number';
  return `
              <div class="govuk-radios__item">
                <input class="govuk-radios__input" id="${id}" name="person" type="radio" value="${escapeHtml(person.id)}" aria-describedby="${hintId}">
                <label class="govuk-label govuk-radios__label" for="${id}">${escapeHtml(person.displayName)}, ${escapeHtml(person.role)}</label>
                <div id="${hintId}" class="govuk-hint govuk-radios__hint">${escapeHtml(rank)}, ${escapeHtml(departmentLabels[person.department])}, ${number} ${escapeHtml(person.collarNumber)}</div>
              </div>`;
};

/** The local sign-in page: plain HTML with GOV.UK Frontend classes, no script, so it works everywhere. */
export const renderSignInPage = (input: SignInPageInput): string => {
  const error = input.missingChoice === true;
  const title = `${error ? 'Error: ' : ''}Sign in as a demo member of staff – ${input.forceName} (local)`;
  return `<!DOCTYPE html>
<html lang="en" class="govuk-template">
  <head>
    <meta charset="utf-8">
    <title>${escapeHtml(title)}</title>
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <link rel="stylesheet" href="/assets/govuk-frontend.min.css">
  </head>
  <body class="govuk-template__body">
    <a href="#main-content" class="govuk-skip-link">Skip to main content</a>
    <header class="govuk-header">
      <div class="govuk-header__container govuk-width-container">
        <span class="govuk-header__service-name">${escapeHtml(input.forceName)} staff sign-in (local development)</span>
      </div>
    </header>
    <div class="govuk-width-container">
      <main class="govuk-main-wrapper" id="main-content">
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-two-thirds">${
            error
              ? `
            <div class="govuk-error-summary" data-module="govuk-error-summary">
              <div role="alert">
                <h2 class="govuk-error-summary__title">There is a problem</h2>
                <div class="govuk-error-summary__body">
                  <ul class="govuk-list govuk-error-summary__list">
                    <li><a href="#person">Select who to sign in as</a></li>
                  </ul>
                </div>
              </div>
            </div>`
              : ''
          }
            <h1 class="govuk-heading-l">Sign in as a demo member of staff</h1>
            <div class="govuk-warning-text">
              <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
              <strong class="govuk-warning-text__text">
                <span class="govuk-visually-hidden">Warning</span>
                This sign-in exists only on your computer. In AWS, staff sign in through the force's user pool.
              </strong>
            </div>
            <form method="post" action="/dev/sign-in" novalidate>
              <input type="hidden" name="returnTo" value="${escapeHtml(input.returnTo)}">
              <div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}">
                <fieldset class="govuk-fieldset"${error ? ' aria-describedby="person-error"' : ''}>
                  <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">
                    <h2 class="govuk-fieldset__heading">Who are you signing in as?</h2>
                  </legend>${
                    error
                      ? `
                  <p id="person-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> Select who to sign in as</p>`
                      : ''
                  }
                  <div class="govuk-radios" data-module="govuk-radios">${input.staff.map(radio).join('')}
                  </div>
                </fieldset>
              </div>
              <button type="submit" class="govuk-button" data-module="govuk-button">Sign in</button>
            </form>
          </div>
        </div>
      </main>
    </div>
    <footer class="govuk-footer">
      <div class="govuk-width-container">
        <p class="govuk-body-s">Local development only. Every person listed is invented.</p>
      </div>
    </footer>
  </body>
</html>
`;
};
