/** Cents as the offer form's dollar field expects them: "1250.00". */
export function centsToDollarString(cents: number): string {
  return (cents / 100).toFixed(2);
}
