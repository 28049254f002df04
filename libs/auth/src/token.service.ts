import { AuthUser, Role } from '@app/core';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

interface TokenClaims {
  sub: string;
  role: Role;
  org: string | null;
  prison: string | null;
}

/** Signs and reads the bearer tokens; claims are all a request needs, so the API stays stateless. */
@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService) {}

  sign(user: AuthUser): string {
    const claims: TokenClaims = {
      sub: user.id,
      role: user.role,
      org: user.organisationId,
      prison: user.prisonCode,
    };
    return this.jwt.sign(claims);
  }

  /** The user a bearer header proves, or null for a missing, malformed or expired token. */
  verifyHeader(header: string | string[] | undefined): AuthUser | null {
    if (typeof header !== 'string' || !header.startsWith('Bearer ')) return null;
    try {
      const claims = this.jwt.verify<TokenClaims>(header.slice('Bearer '.length).trim());
      return { id: claims.sub, role: claims.role, organisationId: claims.org, prisonCode: claims.prison };
    } catch {
      return null;
    }
  }
}
