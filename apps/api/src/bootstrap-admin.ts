import { AuthService } from '@app/auth';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

/** Creates BOOTSTRAP_ADMIN_EMAIL as ADMIN on start when the platform has no admin yet. */
@Injectable()
export class BootstrapAdmin implements OnApplicationBootstrap {
  private readonly logger = new Logger(BootstrapAdmin.name);

  constructor(
    private readonly auth: AuthService,
    private readonly config: ConfigService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const created = await this.auth.ensureBootstrapAdmin(
      this.config.get('BOOTSTRAP_ADMIN_EMAIL'),
      this.config.get('BOOTSTRAP_ADMIN_PASSWORD'),
    );
    if (created) this.logger.log('created the bootstrap admin account');
  }
}
