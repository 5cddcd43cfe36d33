// Which currencies the calculator offers: the portal's base currency first (a Mexican lender's
// calculator opens in pesos), then what the portal's currencies and the products allow. A product
// bound to one currency offers that one; a product for any currency (or no products at all) lets
// every portal currency in. Only currencies the lending core knows a scale for.

export function currencyOptions(
  base: string,
  portalCurrencies: readonly string[] | null,
  products: readonly { currency: string | null }[],
  supported: readonly string[],
): string[] {
  const anyCurrency = products.length === 0 || products.some((p) => p.currency === null);
  const fromProducts = products.flatMap((p) => (p.currency === null ? [] : [p.currency]));
  const rest = [...(anyCurrency ? (portalCurrencies ?? []) : []), ...fromProducts].filter((c) => c !== base && supported.includes(c));
  return [base, ...new Set(rest)];
}
