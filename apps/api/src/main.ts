import 'reflect-metadata';
import { validateEnvironment } from '@app/core';

async function main(): Promise<void> {
  let port: number;
  try {
    port = validateEnvironment(process.env).PORT;
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  // Loaded after validation so a bad configuration stops the process with one clear line.
  const { createApp } = await import('./create-app');
  const app = await createApp();
  await app.listen({ port, host: process.env.HOST ?? '0.0.0.0' });
}

void main();
