import ComingSoon from '../public/coming-soon';

/** Review (issue 5): placeholder until its slice lands. */
export default function PanelPage() {
  return <ComingSoon />;
}
