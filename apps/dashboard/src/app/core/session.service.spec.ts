import { SessionService } from './session.service';

describe('SessionService', () => {
  it('asks once for all requests refused meanwhile, and lets them go on once signed in again', async () => {
    const session = new SessionService();
    const first = session.signInAgain();
    const second = session.signInAgain();
    expect(session.expired()).toBe(true);
    session.resumed();
    await expect(Promise.all([first, second])).resolves.toEqual([true, true]);
    expect(session.expired()).toBe(false);
  });

  it('lets them fail when the user gives up, and asks afresh the next time', async () => {
    const session = new SessionService();
    const refused = session.signInAgain();
    session.abandoned();
    await expect(refused).resolves.toBe(false);
    expect(session.expired()).toBe(false);
    const again = session.signInAgain();
    expect(session.expired()).toBe(true);
    session.resumed();
    await expect(again).resolves.toBe(true);
  });
});
