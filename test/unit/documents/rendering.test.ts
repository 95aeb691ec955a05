import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../../services/documents/domain/layout/render.ts';
import { UnsupportedCharacterError } from '../../../services/documents/domain/layout/text.ts';
import { prepareDocument, validateTemplateData } from '../../../services/documents/domain/produce.ts';
import { claresLawDisclosureRecord } from '../../../services/documents/domain/templates/clares-law-disclosure-record.ts';
import { dvpnStatutoryStatements } from '../../../services/documents/domain/templates/dvpn-notice.ts';
import { sampleTemplateData } from '../../../services/documents/sample-data.ts';
import {
  type ClaresLawDisclosureRecordInput,
  DvpnNoticeInput,
  documentTypes,
} from '../../../shared/contracts/documents.ts';
import { context, fonts, oneWord, pdfText, signedDocument } from './support.ts';

const dvpnSample = () => DvpnNoticeInput.parse(sampleTemplateData('dvpn-notice'));

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
