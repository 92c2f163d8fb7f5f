import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { forbidden, unauthenticated } from '../common/index.js';
import { ACCESS_KEY, INITIAL_PASSWORD_KEY, type AccessRule } from './access.decorator.js';
import { hasRole } from './actor.js';
import type { ActorRequest } from './request-actor.js';

/** Lets an operation run only for whom it declares; an operation that declares nothing runs for nobody. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, targets);
    if (!rule) {
      throw forbidden(`The operation ${context.getHandler().name} declares no permission and is refused.`);
    }
    if (rule.kind === 'public') {
      return true;
    }
    const request: ActorRequest =
      context.getType<string>() === 'graphql'
        ? GqlExecutionContext.create(context).getContext<{ req: ActorRequest }>().req
        : context.switchToHttp().getRequest<ActorRequest>();
    const actor = request.actor;
    if (!actor) {
      throw unauthenticated();
    }
    if (
      actor.mustChangePassword &&
      !this.reflector.getAllAndOverride<boolean>(INITIAL_PASSWORD_KEY, targets)
    ) {
      throw forbidden('Please replace your initial password first (changePassword).');
    }
    if (rule.kind === 'roles' && !rule.roles.some((role) => hasRole(actor, role))) {
      throw forbidden(`This needs one of the roles ${rule.roles.join(', ')}.`);
    }
    return true;
  }
}
