import { Inject } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppInfo } from './app-info.model.js';
import { AppSetting } from './app-setting.entity.js';
import { OzgTopic } from './ozg-topic.entity.js';
import { DEMO_SETTING } from './settings.js';
import { OIDC_LOGIN_PATH, Public, SignedIn } from '../auth/index.js';
import { APP_CONFIG, type AppConfig } from '../config/index.js';

@Resolver()
export class ReferenceResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Query(() => [OzgTopic], { description: 'The OZG topic areas (Themenfelder).' })
  @SignedIn()
  ozgTopics(): Promise<OzgTopic[]> {
    return this.dataSource.getRepository(OzgTopic).find({ order: { key: 'ASC' } });
  }

  @Query(() => AppInfo)
  @Public()
  async appInfo(): Promise<AppInfo> {
    const demo = await this.dataSource.getRepository(AppSetting).findOneBy({ key: DEMO_SETTING });
    return {
      demoData: demo !== null,
      demoLoadedAt: demo?.value ?? null,
      oidcLoginUrl: this.config.oidc ? OIDC_LOGIN_PATH : null,
    };
  }
}
