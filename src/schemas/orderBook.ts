import * as z from 'zod/mini';
import { addIssue, decimalField, lazy } from './fields.js';

function level() {
  // A [price, size] pair is read as { price, size }, so a bad value is reported at its field.
  return z.pipe(
    z.transform((value: unknown) =>
      Array.isArray(value) && value.length === 2 ? { price: value[0], size: value[1] } : value,
    ),
    z.strictObject({ price: decimalField('positive'), size: decimalField('positive') }),
  );
}

/** Schema of an order book input. */
export const orderBookSchema = /*#__PURE__*/ lazy(() =>
  z.strictObject({ bids: z.array(level()), asks: z.array(level()) }).check(
    z.superRefine((book, ctx) => {
      book.bids.forEach((l, i) => {
        const previous = book.bids[i - 1];
        if (previous && !l.price.lessThan(previous.price)) {
          addIssue(ctx, 'NOT_IN_ORDER', 'bids must be strictly descending in price', ['bids', i, 'price']);
        }
      });
      book.asks.forEach((l, i) => {
        const previous = book.asks[i - 1];
        if (previous && !l.price.greaterThan(previous.price)) {
          addIssue(ctx, 'NOT_IN_ORDER', 'asks must be strictly ascending in price', ['asks', i, 'price']);
        }
      });
      const bid = book.bids[0];
      const ask = book.asks[0];
      if (bid && ask && bid.price.greaterThanOrEqualTo(ask.price)) {
        addIssue(
          ctx,
          'CROSSED_BOOK',
          `best bid ${bid.price.toString()} is not below best ask ${ask.price.toString()}`,
          ['bids', 0, 'price'],
        );
      }
    }),
  ),
);
