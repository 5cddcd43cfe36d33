import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Static } from '@sinclair/typebox';
import Decimal from 'decimal.js';
import { DAY_COUNTS, METHODS, PROFILE_IDS } from '../../../../lending/index.js';
import { AppError } from '../../../errors.js';
import type { LoanProduct } from '../../../products/product.js';
import { deactivateOthers, listProducts, upsertProduct } from '../../../products/product-repo.js';
import { requireSession } from '../../../security/session.js';
import { ErrorReply, ProductBody, ProductParams, ProductReply, ProductsBody, ProductsQuery, ProductsReply } from './schemas.js';

const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 422: ErrorReply };

function refuse(index: number | null, field: string, message: string): never {
  throw new AppError('PRODUCT_INVALID', message, message, { field: index === null ? field : `products[${index}].${field}` });
}

/** Checks what the schema cannot: ids of the lending core, ordered ranges. */
function checkProduct(p: Static<typeof ProductBody>, index: number | null): LoanProduct {
  if (!(METHODS as readonly string[]).includes(p.method)) refuse(index, 'method', `Unknown method ${p.method}`);
  if (!(DAY_COUNTS as readonly string[]).includes(p.dayCount)) refuse(index, 'dayCount', `Unknown day count ${p.dayCount}`);
  if (p.profile !== null && !PROFILE_IDS.includes(p.profile)) refuse(index, 'profile', `Unknown regulatory profile ${p.profile}`);
  if (new Decimal(p.rateMin).gt(p.rateMax)) refuse(index, 'rateMin', 'The minimum rate is above the maximum');
  if (p.termMin > p.termMax) refuse(index, 'termMin', 'The minimum term is above the maximum');
  if (p.amountMin !== null && p.amountMax !== null && new Decimal(p.amountMin).gt(p.amountMax))
    refuse(index, 'amountMin', 'The minimum amount is above the maximum');
  // The core's refusals (lending/parse-input.ts): no step on a single payment, a level-payment rule only on an annuity.
  if (p.installmentStep != null) {
    if (p.method === 'single-payment') refuse(index, 'installmentStep', 'A single payment has no installment to round');
    if (new Decimal(p.installmentStep).lte(0)) refuse(index, 'installmentStep', 'The installment step must be above zero');
  }
  if (p.annuityMode != null && p.method !== 'annuity') refuse(index, 'annuityMode', 'The level-payment rule is an annuity’s');
  // The core's rule (lending/servicing/parse-conventions.ts): a late fee is a fixed amount or a percent, never both.
  (p.lateFees ?? []).forEach((f, i) => {
    if ((f.amount === undefined) === (f.percent === undefined))
      refuse(index, `lateFees.${i}`, 'Give exactly one of amount or percent for a late fee');
  });
  return { ...p, fees: p.fees };
}

// Loan products of the caller's portal (issue 5 §3). Anyone with a session reads the active ones
// (the loan tab offers them); only portal administrators change them or see inactive ones.
export const productRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => app.db.kysely;

  app.get(
    '/api/v1/products',
    { preHandler: requireSession(), schema: { querystring: ProductsQuery, response: { 200: ProductsReply, ...errors } } },
    async (req) => {
      const s = req.session!;
      if (req.query.includeInactive && !s.isAdmin)
        throw new AppError('FORBIDDEN', 'inactive products are admin-only', { key: 'INACTIVE_PRODUCTS_ADMIN_ONLY' });
      return { products: await listProducts(db(), s.portalId, { includeInactive: req.query.includeInactive === true }) };
    },
  );

  /** Replaces the portal's product list: given products are upserted, the others deactivated (never deleted: loans refer to them). */
  app.put(
    '/api/v1/products',
    { preHandler: requireSession({ admin: true }), schema: { body: ProductsBody, response: { 200: ProductsReply, ...errors } } },
    async (req) => {
      const s = req.session!;
      const products = req.body.products.map((p, i) => checkProduct(p, i));
      if (new Set(products.map((p) => p.id)).size !== products.length) refuse(null, 'products', 'Product ids must be unique');
      const nowIso = new Date().toISOString();
      await db()
        .transaction()
        .execute(async (trx) => {
          for (const p of products) await upsertProduct(trx, s.portalId, p, nowIso);
          await deactivateOthers(
            trx,
            s.portalId,
            products.map((p) => p.id),
            nowIso,
          );
        });
      return { products: await listProducts(db(), s.portalId, { includeInactive: true }) };
    },
  );

  app.put(
    '/api/v1/products/:productId',
    {
      preHandler: requireSession({ admin: true }),
      schema: { params: ProductParams, body: ProductBody, response: { 200: ProductReply, ...errors } },
    },
    async (req) => {
      const s = req.session!;
      if (req.body.id !== req.params.productId) refuse(null, 'id', 'The product id in the body differs from the URL');
      const product = checkProduct(req.body, null);
      await upsertProduct(db(), s.portalId, product, new Date().toISOString());
      return { product };
    },
  );
};
