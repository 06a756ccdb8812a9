/**
 * Runs a task at once when triggered; triggers that come while it runs merge into one more run, which
 * starts when the current one ends or after `maxDelayMs`, whichever comes first. So a quick task still
 * follows the last change within milliseconds, a slow one (an http check waiting for a server) does not
 * hold back a newer look at the world for long, and a burst of triggers costs a few runs, not one each.
 */
export class CoalescedRunner {
  private running = 0;
  private pending = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly task: () => Promise<void>,
    private readonly maxDelayMs = 50,
  ) {}

  trigger(): void {
    if (this.running === 0) {
      this.start();
      return;
    }
    if (this.pending) return;
    this.pending = true;
    this.timer = setTimeout(() => this.flush(), this.maxDelayMs);
  }

  private flush(): void {
    if (!this.pending) return;
    this.pending = false;
    clearTimeout(this.timer);
    this.start();
  }

  private start(): void {
    this.running++;
    void this.task()
      .catch(() => undefined)
      .finally(() => {
        this.running--;
        this.flush();
      });
  }
}
