import { NotifyModule } from '@app/notifications/notify.module';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { AccountAccessService } from './account-access.service';
import { AccountStatusCache } from './account-status.cache';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { ResetPasswordController } from './http/reset-password.controller';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordChangeService } from './password-change.service';
import { PasswordResetLimit } from './password-reset-limit';
import { PasswordResetTokenRepository } from './password-reset-token.repository';
import { TokenService } from './token.service';
import { UserDirectoryResolver } from './user-directory.resolver';
import { UserRepository } from './user.repository';

/** Only used outside production, so a demo works without configuration; production requires JWT_SECRET. */
const DEVELOPMENT_SECRET = 'development-only-secret-not-for-production-use';

@Module({
  imports: [
    // By path, not '@app/notifications': its index loads NotificationsModule, which imports this one.
    NotifyModule,
    JwtModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        // A KeyObject made once: given a string, jsonwebtoken builds one on every verify (~0.8 ms).
        secret: createSecretKey(
          Buffer.from(config.get<string>('JWT_SECRET') ?? DEVELOPMENT_SECRET, 'utf8'),
        ),
        verifyOptions: { algorithms: ['HS256'] },
        signOptions: { expiresIn: config.getOrThrow('JWT_EXPIRES_IN') },
      }),
    }),
  ],
  controllers: [ResetPasswordController],
  providers: [
    AuthService,
    AuthResolver,
    TokenService,
    LoginThrottleService,
    UserRepository,
    AccountStatusCache,
    AccountAccessService,
    PasswordChangeService,
    PasswordResetLimit,
    PasswordResetTokenRepository,
    UserDirectoryResolver,
  ],
  exports: [AuthService, TokenService, UserRepository],
})
export class AuthModule {}
