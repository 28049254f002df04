/** Accounts, sign-in and bearer tokens. */
export * from './auth.module';
export * from './auth.service';
export * from './token.service';
export * from './user.repository';
export * from './user.entity';
export * from './dto/user.object';
export * from './password';
export * from './password-change.service';
