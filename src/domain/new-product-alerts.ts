// The first complaint about a new product, tariff or campaign (domain §12: it "triggers immediate
// study, an adjustment and a unified answer for all channels"). Pure.
//
// The rule:
// - A complaint's product (free text) matches a registered product by name, ignoring case and
//   surrounding spaces. Inactive products are retired: nothing is recorded for them.
// - The first complaint recorded about an active product is kept on the product
//   (first_complaint_id/at), whatever its launch date: the products page shows it.
// - It raises a 'new_product' alert only when the product is new: launched on a known date no
//   more than 90 days before the complaint was received (a complaint before the launch date, about
//   an announced campaign, counts too). A product without a launch date is not known to be new —
//   so registering the existing catalogue does not flood anyone with alerts; give a new product
//   its launch date.
// - Once recorded, never again: the product row is updated only while first_complaint_id is NULL,
//   and the alert has a unique key per product.

export const NEW_PRODUCT_WINDOW_DAYS = 90;

export interface ProductFacts {
  active: boolean;
  /** YYYY-MM-DD, or null when unknown. */
  launchedOn: string | null;
  firstComplaintId: string | null;
}

export type FirstComplaintDecision =
  | { record: false; reason: 'inactive' | 'already_recorded' }
  | { record: true; alert: boolean; daysSinceLaunch: number | null };

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/** Whether a complaint received on `receivedDay` (report time zone) is the product's first, and alerts. */
export function decideFirstComplaint(
  product: ProductFacts,
  receivedDay: string,
  windowDays = NEW_PRODUCT_WINDOW_DAYS,
): FirstComplaintDecision {
  if (!product.active) return { record: false, reason: 'inactive' };
  if (product.firstComplaintId !== null) return { record: false, reason: 'already_recorded' };
  if (product.launchedOn === null) return { record: true, alert: false, daysSinceLaunch: null };
  const daysSinceLaunch = dayNumber(receivedDay) - dayNumber(product.launchedOn);
  return { record: true, alert: daysSinceLaunch <= windowDays, daysSinceLaunch };
}
