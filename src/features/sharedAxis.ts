// One time axis for two runs shown side by side (Compare…): both panels span the longer run.

/** The end (ns) of a time axis shared by the runs that joined it. */
export class SharedAxis {
  private end = 0;
  private readonly members = new Set<(end: number) => void>();

  /** Join with a callback that hears when another member's run made the axis longer. */
  join(onGrow: (end: number) => void): () => void {
    this.members.add(onGrow);
    return () => this.members.delete(onGrow);
  }

  /** A member's run reached `duration` ns; returns the axis end. Others hear of a growth by more
   *  than 1% (so a finished run's panel keeps up without a post per frame). */
  grow(duration: number, from: (end: number) => void): number {
    if (duration > this.end) {
      const notify = duration > this.end * 1.01;
      this.end = duration;
      if (notify) for (const m of this.members) if (m !== from) m(this.end);
    }
    return this.end;
  }

  /** Current end of the axis (ns). */
  get current(): number {
    return this.end;
  }
}
