import { Module } from '@nestjs/common';
import { ProjectsResolver, StatusUpdateResolver } from './projects.resolver.js';
import { ProjectsService } from './projects.service.js';

@Module({ providers: [ProjectsService, ProjectsResolver, StatusUpdateResolver], exports: [ProjectsService] })
export class ProjectsModule {}
