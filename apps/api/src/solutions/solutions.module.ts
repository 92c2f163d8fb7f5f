import { Module } from '@nestjs/common';
import {
  AdoptionReuseResolver,
  CityReuseResolver,
  ProjectSolutionsResolver,
  ReuseNetworkEdgeResolver,
  ReuseResolver,
  SolutionsResolver,
} from './solutions.resolver.js';
import { SolutionsService } from './solutions.service.js';

@Module({
  providers: [
    SolutionsService,
    SolutionsResolver,
    ReuseResolver,
    ReuseNetworkEdgeResolver,
    CityReuseResolver,
    ProjectSolutionsResolver,
    AdoptionReuseResolver,
  ],
  exports: [SolutionsService],
})
export class SolutionsModule {}
