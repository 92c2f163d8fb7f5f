import { Global, Module } from '@nestjs/common';
import { ProjectsResolver, StatusUpdateResolver } from './projects.resolver.js';
import { ProjectsService } from './projects.service.js';

// Global, so that other features' modules use its services without importing this module: modules are
// wired by the composition root (app.module.ts), and no feature imports another feature's module.
@Global()
@Module({ providers: [ProjectsService, ProjectsResolver, StatusUpdateResolver], exports: [ProjectsService] })
export class ProjectsModule {}
