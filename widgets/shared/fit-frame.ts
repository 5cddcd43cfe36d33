// Keeps a portal iframe as tall as its content: one resize message per animation frame at most, and
// none when the height did not change (each message makes the portal lay its page out again).
export function fitFrame(root: HTMLElement, height: () => number, resize: () => Promise<void>): void {
  let pending = false;
  let last = -1;
  const fit = (): void => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      const h = height();
      if (h === last) return;
      last = h;
      void resize().catch(() => undefined);
    });
  };
  new ResizeObserver(fit).observe(root);
  fit();
}
