import { describe, expect, it } from 'vitest';
import { documentIdFrom, normaliseDocumentId } from '../../../services/documents/domain/document-id.ts';
import { downloadPolicyFor } from '../../../services/documents/domain/download-policy.ts';
import type { Principal } from '../../../shared/auth/principal.ts';
import { DocumentId } from '../../../shared/contracts/documents.ts';

const staff = (rank: Principal['rank'], department: Principal['department']): Principal => ({
  subject: 's',
  collarNumber: '1',
  displayName: 'Officer',
  rank,
  department,
});

describe('Who may download a document: the requesting service decides (DOMAIN.md §2-§4)', () => {
  it.each([
    ['dvpn', staff('constable', 'FORCE_RESPONSE'), true],
    ['dvpn', staff('police-staff', 'CONTACT_CENTRE'), false],
    ['clares-law', staff('constable', 'PPU'), true],
    ['clares-law', staff('superintendent', 'FORCE_RESPONSE'), false],
    ['restricted-cases', staff('inspector', 'PSD'), true],
    ['restricted-cases', staff('chief-constable', 'COMMAND'), false],
    ['unknown-service', staff('chief-constable', 'PSD'), false],
  ] as const)('%s document, %o: allowed %s', (service, principal, allowed) => {
    expect(downloadPolicyFor(service).allows(principal)).toBe(allowed);
  });
});

describe('Document references', () => {
  it('are DOC- and four groups of four Crockford characters from 10 random bytes', () => {
    const id = documentIdFrom(Uint8Array.from([0xff, 0, 1, 2, 3, 4, 5, 6, 7, 0x80]));

    expect(DocumentId.safeParse(id).success).toBe(true);
    // 11111 11100 00000 00000 | 00010 00000 10000 00011 | 00000 10000 00010 10000 | 01100 00001 11100 00000
    expect(id).toBe('DOC-ZW00-20G3-0G2G-C1W0');
  });

  it('typed references are tidied: case, spaces, and O/I/L read as 0/1', () => {
    expect(normaliseDocumentId(' doc-zwoo 0g1o-c1g5-1r3g ')).toBe('DOC-ZW00-0G10-C1G5-1R3G');
    expect(normaliseDocumentId('DOC ZW00 0GI0 C1G5 LR3G')).toBe('DOC-ZW00-0G10-C1G5-1R3G');
  });
});
