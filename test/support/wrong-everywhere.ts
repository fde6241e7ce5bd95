/** Test support: a promise document with one problem in every promise, for the reporting cap. */

/**
 * A Bill of Rights of `count` promises, each with one unknown field (`colour`, line 10 for the
 * first): `count` issues in all.
 */
export function wrongEverywhere(count: number): string {
  const promise = (i: number) => `  - id: p${i}
    title: { en: Late, zh-CN: 迟到, sv: Sen }
    text: { en: We refund, zh-CN: 我们退款, sv: Vi betalar }
    on: order.delivered
    colour: red
    remedy: { kind: refund, amount: { expr: order.shipping } }
`;
  const promises = Array.from({ length: count }, (_, i) => promise(i)).join("");
  return `goodfaith: 1\ncompany: Shop\nversion: 2\ncurrency: USD\npromises:\n${promises}`;
}
