import { AuthUser, Role } from '@app/core';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { isUUID } from 'class-validator';
import { AccountStatusCache } from './account-status.cache';

interface TokenClaims {
  sub: string;
  role: Role;
  org: string | null;
  prison: string | null;
  /** The user's token_version when signed; tokens issued before versions existed have none (0). */
  ver?: number;
}

/**
 * Signs and reads the bearer tokens. The claims say who the caller is; whether the token still
 * counts (the account exists, is not disabled, and has not revoked it by bumping its token
 * version) is asked of AccountStatusCache, so a request normally costs no query.
 */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly statuses: AccountStatusCache,
  ) {}

  sign(user: AuthUser, tokenVersion = 0): string {
    const claims: TokenClaims = {
      sub: user.id,
      role: user.role,
      org: user.organisationId,
      prison: user.prisonCode,
      ver: tokenVersion,
    };
    return this.jwt.sign(claims);
  }

  /**
   * The user a bearer header proves, or null for a missing, malformed, expired or revoked token,
   * or one of an unknown or disabled account.
   */
  async authenticate(header: string | string[] | undefined): Promise<AuthUser | null> {
    const claims = this.verify(header);
    if (!claims) return null;
    const status = await this.statuses.get(claims.sub);
    if (!status || status.disabled || status.tokenVersion !== (claims.ver ?? 0)) return null;
    return {
      id: claims.sub,
      role: claims.role,
      organisationId: claims.org,
      prisonCode: claims.prison,
    };
  }

  private verify(header: string | string[] | undefined): TokenClaims | null {
    // The scheme name is case-insensitive (RFC 9110): "bearer" and "BEARER" are Bearer too.
    const token = typeof header === 'string' ? /^bearer\s+(\S+)\s*$/i.exec(header)?.[1] : undefined;
    if (!token) return null;
    try {
      const claims = this.jwt.verify<TokenClaims>(token);
      // A subject that is not a UUID names no user, and must not reach the uuid column's query.
      return typeof claims.sub === 'string' && isUUID(claims.sub) ? claims : null;
    } catch {
      return null;
    }
  }
}
