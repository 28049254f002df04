/** Vetting and barring, and the rehabilitation period calculator. */
export * from './vetting.module';
export * from './rehabilitation';
export * from './clearance';
