/**
 * What the documents service needs in AWS beyond its manifest (services/documents/adapters/composition.ts
 * reads these): an asymmetric KMS key that signs, the name of the SSM parameter holding the force
 * certificate for that key, and the DejaVu fonts copied into its bundles.
 */
export const documentSigning = {
  service: 'documents',
  /** Where the documents functions find the fonts inside their bundle (/var/task is the bundle root). */
  fontDirectory: 'fonts',
  fontFiles: [
    'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
    'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
  ],
  /** The operator stores the PEM here once, after issuing the certificate with the key (infra/README.md). */
  certificateParameter: (envName: string): string => `/safeguarding/${envName}/documents/signing-certificate`,
} as const;

/** Files copied next to a service's bundles, relative to the repository root and to the bundle. */
export interface BundleFile {
  readonly from: string;
  readonly to: string;
}

export const bundleFiles = (service: string): readonly BundleFile[] =>
  service === documentSigning.service
    ? documentSigning.fontFiles.map((from) => ({
        from,
        to: `${documentSigning.fontDirectory}/${from.split('/').at(-1)}`,
      }))
    : [];
