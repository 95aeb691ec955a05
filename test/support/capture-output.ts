/** What `work` writes to stdout and stderr (log lines go to one or the other by level), and its result. */
export const captureOutput = async <T>(work: () => Promise<T>): Promise<{ result: T; output: string }> => {
  const chunks: string[] = [];
  const streams = [process.stdout, process.stderr];
  const originals = streams.map((stream) => stream.write.bind(stream));
  for (const stream of streams) {
    stream.write = ((chunk: string | Uint8Array) => {
      chunks.push(String(chunk));
      return true;
    }) as typeof stream.write;
  }
  try {
    return { result: await work(), output: chunks.join('') };
  } finally {
    streams.forEach((stream, index) => {
      stream.write = originals[index] as typeof stream.write;
    });
  }
};
