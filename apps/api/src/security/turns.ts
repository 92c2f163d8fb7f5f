import type { NextFunction, Request, Response } from 'express';

/** How many GraphQL requests start in one turn of the event loop, at most. */
export const GRAPHQL_REQUESTS_PER_TURN = 16;

/**
 * Lets GraphQL requests start in turns, a few at a time, after the event loop has looked for new input.
 *
 * Node reads every connection that has input in one pass and runs each request as far as it goes before
 * reading the next. Under load that pass holds dozens of GraphQL requests, and a cheap request that arrives
 * meanwhile (a load balancer's `/health`, a script or style of the dashboard) waits for all of them. Here a
 * GraphQL request, once its body is read, waits for the next turn (`setImmediate`, which runs after the
 * pass), and each turn starts at most `perTurn` of the waiting ones: between turns the loop reads its
 * connections again, so a cheap request waits for at most one turn, whatever the load. The GraphQL requests
 * keep their order; at rest each waits for one empty turn, microseconds.
 */
export function graphqlInTurns(
  perTurn: number = GRAPHQL_REQUESTS_PER_TURN,
): (req: Request, res: Response, next: NextFunction) => void {
  const waiting: NextFunction[] = [];
  let scheduled = false;
  const turn = (): void => {
    scheduled = false;
    const starting = waiting.splice(0, perTurn);
    if (waiting.length > 0) {
      scheduled = true;
      setImmediate(turn);
    }
    for (const next of starting) {
      next();
    }
  };
  return (_req, _res, next) => {
    waiting.push(next);
    if (!scheduled) {
      scheduled = true;
      setImmediate(turn);
    }
  };
}
