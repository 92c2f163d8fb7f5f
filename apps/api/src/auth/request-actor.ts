import type { Request, Response } from 'express';
import type { Actor } from './actor.js';

/** The request as the API sees it: the session's actor, when one is signed in. */
export interface ActorRequest extends Request {
  actor?: Actor;
  sessionTokenHash?: string;
}

export interface HttpContext {
  readonly req: ActorRequest;
  readonly res: Response;
}
