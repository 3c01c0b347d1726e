import ComingSoon from '../public/coming-soon';

/** Issue 6: placeholder until its slice lands. */
export default function FundingPage() {
  return <ComingSoon />;
}
