import { GetObjectCommand, NoSuchKey, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { DocumentStore } from '../domain/ports.ts';

/**
 * Signed PDFs in the object-locked bucket, keyed by document id. Retention (compliance mode), SSE-KMS
 * and versioning are the bucket's defaults, so nothing here can shorten or weaken them.
 */
export const s3DocumentStore = (client: S3Client, bucket: string): DocumentStore => ({
  put: async (documentId, pdf) => {
    const result = await client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: documentId,
        Body: pdf,
        ContentType: 'application/pdf',
        // Object Lock requires an integrity checksum on every write.
        ChecksumAlgorithm: 'SHA256',
      }),
    );
    return result.VersionId ? { versionId: result.VersionId } : {};
  },
  get: async (documentId, versionId) => {
    try {
      const result = await client.send(
        new GetObjectCommand({
          Bucket: bucket,
          Key: documentId,
          ...(versionId ? { VersionId: versionId } : {}),
        }),
      );
      return result.Body ? Buffer.from(await result.Body.transformToByteArray()) : undefined;
    } catch (error) {
      if (error instanceof NoSuchKey) return undefined;
      throw error;
    }
  },
});
