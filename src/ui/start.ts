export interface StartOptions {
  readonly lang: string | undefined;
}

export async function startApp(options: StartOptions): Promise<void> {
  void options;
  throw new Error('the interactive app is not built yet');
}
