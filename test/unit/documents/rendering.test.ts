import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../../services/documents/domain/layout/render.ts';
import { UnsupportedCharacterError } from '../../../services/documents/domain/layout/text.ts';
import { prepareDocument, validateTemplateData } from '../../../services/documents/domain/produce.ts';
import { claresLawDisclosureRecord } from '../../../services/documents/domain/templates/clares-law-disclosure-record.ts';
import { dapnStatutoryStatements } from '../../../services/documents/domain/templates/dapn-notice.ts';
import { dvpnStatutoryStatements } from '../../../services/documents/domain/templates/dvpn-notice.ts';
import { sampleTemplateData } from '../../../services/documents/sample-data.ts';
import {
  type ClaresLawDisclosureRecordInput,
  DapnNoticeInput,
  DvpnNoticeInput,
  documentTypes,
} from '../../../shared/contracts/documents.ts';
import { context, fonts, oneWord, pdfText, signedDocument } from './support.ts';

const dvpnSample = () => DvpnNoticeInput.parse(sampleTemplateData('dvpn-notice'));
const dapnSample = () => DapnNoticeInput.parse(sampleTemplateData('dapn-notice'));

describe('DVPN notice content (Crime and Security Act 2010 ss.24-25)', () => {
  it('pdftotext finds every statutory statement of the notice, served (CSA 2010 s.24(6), s.25(1)-(3))', async () => {
    const input = dvpnSample();
    const { pdf } = await signedDocument('dvpn-notice', input);

    const text = pdfText(pdf);

    for (const statement of Object.values(dvpnStatutoryStatements(input))) {
      expect(text).toContain(oneWord(statement));
    }
  });

  it('pdftotext finds every statutory statement of a notice printed before service (CSA 2010 s.25)', async () => {
    const { service: _service, ...unserved } = dvpnSample();
    const { pdf } = await signedDocument('dvpn-notice', unserved);

    const text = pdfText(pdf);

    for (const statement of Object.values(dvpnStatutoryStatements(unserved))) {
      expect(text).toContain(oneWord(statement));
    }
    expect(text).toContain('To be completed by the constable serving this notice.');
  });

  it('states every premises provision the superintendent chose (CSA 2010 s.24(8))', async () => {
    const { pdf } = await signedDocument('dvpn-notice');

    const text = pdfText(pdf);

    expect(text).toContain(
      'You must not evict or exclude Siobhán Ó Briain from Flat 3, 27 Ashbourne Road, Walsall WS1 2AB.',
    );
    expect(text).toContain('You must not enter Flat 3, 27 Ashbourne Road, Walsall WS1 2AB.');
    expect(text).toContain('You must leave Flat 3, 27 Ashbourne Road, Walsall WS1 2AB now.');
    expect(text).toContain(
      'You must not come within 100 metres of Flat 3, 27 Ashbourne Road, Walsall WS1 2AB.',
    );
  });
});

describe('DAPN notice content (Domestic Abuse Act 2021 ss.22-26)', () => {
  it('pdftotext finds every statutory statement of the notice, served (DAA 2021 s.22(2), s.25(2)-(4))', async () => {
    const input = dapnSample();
    const { pdf } = await signedDocument('dapn-notice', input);

    const text = pdfText(pdf);

    for (const statement of Object.values(dapnStatutoryStatements(input))) {
      expect(text).toContain(oneWord(statement));
    }
  });

  it('pdftotext finds every statutory statement of a notice printed before service (DAA 2021 s.25)', async () => {
    const { service: _service, ...unserved } = dapnSample();
    const { pdf } = await signedDocument('dapn-notice', unserved);

    const text = pdfText(pdf);

    for (const statement of Object.values(dapnStatutoryStatements(unserved))) {
      expect(text).toContain(oneWord(statement));
    }
    expect(text).toContain('To be completed by the constable serving this notice.');
  });

  it('states every condition the inspector chose (DAA 2021 s.23(1)-(2))', async () => {
    const { pdf } = await signedDocument('dapn-notice');

    const text = pdfText(pdf);

    expect(text).toContain('You must not contact Siobhán Ó Briain.');
    expect(text).toContain(
      'You must not come within 100 metres of any premises in England or Wales in which Siobhán Ó Briain lives, including Flat 3, 27 Ashbourne Road, Walsall WS1 2AB.',
    );
    expect(text).toContain(
      'You must not evict or exclude Siobhán Ó Briain from Flat 3, 27 Ashbourne Road, Walsall WS1 2AB.',
    );
    expect(text).toContain('You must not enter Flat 3, 27 Ashbourne Road, Walsall WS1 2AB.');
    expect(text).toContain('You must leave Flat 3, 27 Ashbourne Road, Walsall WS1 2AB now.');
  });

  it('a distance kept from where the person protected lives, with no address given, prints no address (DAA 2021 s.23(1)(b))', async () => {
    const { sharedPremises: _shared, ...sample } = dapnSample();
    const input = { ...sample, keepAway: { metres: 250 } };

    const text = pdfText((await signedDocument('dapn-notice', input)).pdf);

    expect(text).toContain(
      'You must not come within 250 metres of any premises in England or Wales in which Siobhán Ó Briain lives.',
    );
    expect(text).not.toContain('Ashbourne Road, Walsall WS1 2AB.');
  });

  it('prints none of the 2010 Act’s wording: a DAPN is not a DVPN', async () => {
    const { pdf } = await signedDocument('dapn-notice');

    const text = pdfText(pdf);

    expect(text).not.toMatch(/Crime and Security Act|molest|domestic violence protection/i);
  });

  it('an inspector may authorise it (DAA 2021 s.22(1), (8))', () => {
    const result = validateTemplateData('dapn-notice', dapnSample(), fonts);

    expect(result.ok).toBe(true);
  });

  it('a sergeant may not authorise it (DAA 2021 s.22(8))', () => {
    const input = { ...dapnSample(), authorisedBy: { ...dapnSample().authorisedBy, rank: 'sergeant' } };

    const result = validateTemplateData('dapn-notice', input, fonts);

    expect(result).toMatchObject({
      ok: false,
      reason: 'invalid-template-data',
      fieldErrors: [{ path: 'authorisedBy.rank' }],
    });
  });
});

describe('DAPO application pack (Domestic Abuse Act 2021 ss.28-29, 32, 38)', () => {
  it('states the court clock, the test for an order and the duration sought, with no maximum', async () => {
    const { pdf } = await signedDocument('dapo-application-pack');

    const text = pdfText(pdf);

    expect(text).toContain(
      'The application must be heard no later than 48 hours after the notice was given to the respondent, disregarding Sundays, Christmas Day, Good Friday and any bank holiday in England and Wales (section 29(2) and (3)).',
    );
    expect(text).toContain('necessary and proportionate to protect that person from domestic abuse');
    expect(text).toContain(
      '180 days from the day the order is made (section 38(3)(a); the Act sets no maximum)',
    );
    expect(text).toContain('The chief officer of police, Northshire Police');
  });

  it('an order sought until further order says so (DAA 2021 s.38(3)(c))', async () => {
    const input = { ...(sampleTemplateData('dapo-application-pack') as object), durationDays: null };

    const text = pdfText((await signedDocument('dapo-application-pack', input)).pdf);

    expect(text).toContain('Until further order (section 38(3)(c))');
  });
});

describe('Unicode names print as typed (issue §1)', () => {
  it('names with diacritics come back out of the PDF unchanged', async () => {
    const { pdf } = await signedDocument('dvpn-notice');

    const text = pdfText(pdf);

    expect(text).toContain('Zoë Łukasiewicz-Nowak');
    expect(text).toContain('Siobhán Ó Briain');
    expect(text).toContain('Tomasz Wiśniewski');
  });

  it('a name typed with a combining accent (e + U+0308) prints as the composed letter', async () => {
    const input = { ...dvpnSample(), recipient: { ...dvpnSample().recipient, fullName: 'Zoe\u0308 Nowak' } };
    const { pdf } = await signedDocument('dvpn-notice', input);

    expect(pdfText(pdf, 1)).toContain('Zoë Nowak');
  });

  it('a character the font lacks is reported with its field and code point, not dropped', () => {
    const input = { ...dvpnSample(), recipient: { ...dvpnSample().recipient, fullName: '王 Nowak' } };

    const result = validateTemplateData('dvpn-notice', input, fonts);

    expect(result).toEqual({
      ok: false,
      reason: 'unsupported-character',
      fieldErrors: [{ path: 'recipient.fullName', message: 'The document font has no glyph for U+738B.' }],
    });
  });

  it('the renderer itself refuses text the font lacks, wherever it comes from', async () => {
    const model = claresLawDisclosureRecord.compose(
      {
        ...(sampleTemplateData('clares-law-disclosure-record') as ClaresLawDisclosureRecordInput),
        verbatimDisclosure: 'Said: 🙂',
      },
      context(),
    );

    await expect(renderDocument(model, context(), fonts)).rejects.toBeInstanceOf(UnsupportedCharacterError);
  });
});

describe('Layout (issue §1)', () => {
  it('every page carries the force, the title, the reference and "Page n of m"', async () => {
    const { pdf, pageCount } = await signedDocument('dvpn-notice');

    expect(pageCount).toBeGreaterThan(1);
    for (let page = 1; page <= pageCount; page++) {
      const text = pdfText(pdf, page);
      expect(text).toContain('Northshire Police');
      expect(text).toContain('Domestic Violence Protection Notice');
      expect(text).toContain('Reference DOC-7K3M-9QXP-2H4W-AB12');
      expect(text).toContain(`Page ${page} of ${pageCount}`);
      expect(text).toContain('To check that this document is genuine and unchanged');
    }
  });

  it('a verbatim disclosure too long for one page flows onto more pages, every word kept in order', async () => {
    const words = Array.from({ length: 2500 }, (_, index) => `word${String(index + 1).padStart(4, '0')}`);
    const input = {
      ...(sampleTemplateData('clares-law-disclosure-record') as object),
      verbatimDisclosure: words.join(' '),
    };

    const { pdf, pageCount } = await signedDocument('clares-law-disclosure-record', input);

    expect(pageCount).toBeGreaterThanOrEqual(5);
    expect(pdfText(pdf).match(/word\d{4}/g)).toEqual(words);
  });

  it('a word longer than a line is broken across lines rather than cut off', async () => {
    const longWord = 'A'.repeat(300);
    const input = { ...dvpnSample(), grounds: `Reference ${longWord} ends here.` };

    const { pdf } = await signedDocument('dvpn-notice', input);

    expect(pdfText(pdf).replace(/ /g, '')).toContain(`Reference${longWord}endshere.`);
  });

  it('a heading and a three-line paragraph after it stay on one page wherever the page ends (no lone first line)', async () => {
    const kept = Array.from({ length: 36 }, (_, index) => `kept${String(index + 1).padStart(2, '0')}`);
    const pagesHoldingAll: boolean[] = [];

    // Enough filler to bring the heading to the foot of page 1 at every offset a body line can have.
    for (let filler = 54; filler <= 64; filler++) {
      const { document, pageCount } = await renderDocument(
        {
          title: 'Layout check',
          marking: 'OFFICIAL',
          subject: 'Layout check',
          keywords: [],
          blocks: [
            ...Array.from({ length: filler }, (_, index) => ({
              kind: 'paragraph' as const,
              text: `Filler ${index + 1}.`,
            })),
            { kind: 'heading', text: '9  Kept together' },
            { kind: 'paragraph', text: kept.join(' ') },
          ],
        },
        context(),
        fonts,
      );
      const pdf = await document.save();
      const last = pdfText(pdf, pageCount);
      pagesHoldingAll.push(last.includes('9 Kept together') && kept.every((word) => last.includes(word)));
    }

    expect(pagesHoldingAll.every(Boolean)).toBe(true);
  });

  it('writes the metadata: title, author (the force), subject, language en-GB, creation date, reference', async () => {
    const { prepared } = await prepareDocument('dvpn-notice', dvpnSample(), context(), fonts);

    const document = await PDFDocument.load(prepared, { updateMetadata: false });

    expect(document.getTitle()).toBe('Domestic Violence Protection Notice');
    expect(document.getAuthor()).toBe('Northshire Police');
    expect(document.getSubject()).toBe('Domestic Violence Protection Notice, case DVPN-2026-000142');
    expect(document.getCreationDate()?.toISOString()).toBe('2026-03-14T10:30:00.000Z');
    expect(document.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('en-GB');
    expect(document.getKeywords()).toContain('DOC-7K3M-9QXP-2H4W-AB12');
  });

  it.each(documentTypes)(
    '%s: the same request renders to the same bytes, so a retry re-creates the same file',
    async (documentType) => {
      const first = await signedDocument(documentType);
      const second = await signedDocument(documentType);

      expect(second.sha256).toBe(first.sha256);
    },
  );
});
