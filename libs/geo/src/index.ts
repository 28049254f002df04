/** Geography: postcode districts, local authorities and prisons. */
export * from './geo.module';
export * from './geo.service';
export * from './postcode';
export * from './located-place';
export * from './outcode.entity';
export * from './local-authority.entity';
export * from './prison.entity';
export * from './geo-import';
