import { sizeBandOf } from '@koop/domain';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../loaders/index.js';
import { Adoption } from '../adoptions/index.js';
import { Membership } from '../cooperations/index.js';
import { Project } from '../projects/index.js';
import { CitiesService } from './cities.service.js';
import { City } from './city.entity.js';
import { CreateCityInput } from './dto/create-city.input.js';
import { UpdateCityInput } from './dto/update-city.input.js';
import { CurrentActor, Roles, SignedIn, type Actor } from '../auth/index.js';
import { Role } from '@koop/domain';

@Resolver(() => City)
export class CitiesResolver {
  constructor(private readonly service: CitiesService) {}

  @Query(() => [City], { description: 'All cities, by name.' })
  @SignedIn()
  cities(): Promise<City[]> {
    return this.service.findAll();
  }

  @Query(() => City)
  @SignedIn()
  city(@Args('id', { type: () => ID }) id: string): Promise<City> {
    return this.service.findOne(id);
  }

  @Mutation(() => City)
  @Roles(Role.ADMIN)
  createCity(@Args('input') input: CreateCityInput, @CurrentActor() actor: Actor): Promise<City> {
    return this.service.create(actor, input);
  }

  @Mutation(() => City, { description: 'Changes a city; a stale version gives CONFLICT.' })
  @Roles(Role.ADMIN)
  updateCity(@Args('input') input: UpdateCityInput, @CurrentActor() actor: Actor): Promise<City> {
    return this.service.update(actor, input);
  }

  @ResolveField(() => String, {
    description: 'Population band for comparisons: S < 50,000 ≤ M < 100,000 ≤ L < 500,000 ≤ XL.',
  })
  sizeBand(@Parent() city: City): string {
    return sizeBandOf(city.population);
  }

  @ResolveField(() => [City], { description: 'The other cities of the same size band, by name.' })
  async peers(@Parent() city: City, @Context() context: GraphQLContext): Promise<City[]> {
    const band = await context.loaders.citiesBySizeBand.load(sizeBandOf(city.population));
    return band.filter((peer) => peer.id !== city.id);
  }

  @ResolveField(() => Int, {
    description:
      'Online services the city runs live now; a LIVE adoption of a service not yet live is not counted.',
  })
  liveAdoptionsCount(@Parent() city: City, @Context() context: GraphQLContext): Promise<number> {
    return context.loaders.liveAdoptionsCountByCity.load(city.id);
  }

  @ResolveField(() => [Membership], { description: 'The cooperations the city belongs to.' })
  memberships(@Parent() city: City, @Context() context: GraphQLContext): Promise<Membership[]> {
    return context.loaders.membershipsByCity.load(city.id);
  }

  @ResolveField(() => [Adoption], { description: 'The services the city has adopted or considers.' })
  adoptions(@Parent() city: City, @Context() context: GraphQLContext): Promise<Adoption[]> {
    return context.loaders.adoptionsByCity.load(city.id);
  }

  @ResolveField(() => [Project], { description: 'The projects the city develops.' })
  ownedProjects(@Parent() city: City, @Context() context: GraphQLContext): Promise<Project[]> {
    return context.loaders.projectsByOwnerCity.load(city.id);
  }
}
