import { Role } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { UserEntity } from './user.entity';

/** Every query on users. */
@Injectable()
export class UserRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ id });
  }

  findByIds(ids: readonly string[]): Promise<UserEntity[]> {
    return this.dataSource.getRepository(UserEntity).findBy({ id: In([...ids]) });
  }

  /** With the password hash, for sign-in only. */
  findForLogin(email: string): Promise<UserEntity | null> {
    return this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email })
      .getOne();
  }

  async emailTaken(manager: EntityManager, email: string): Promise<boolean> {
    return manager.getRepository(UserEntity).existsBy({ email });
  }

  adminExists(manager: EntityManager): Promise<boolean> {
    return manager.getRepository(UserEntity).existsBy({ role: Role.ADMIN });
  }

  insert(manager: EntityManager, user: Omit<UserEntity, 'id' | 'createdAt' | 'updatedAt'>): Promise<UserEntity> {
    return manager.getRepository(UserEntity).save(manager.getRepository(UserEntity).create(user));
  }
}
