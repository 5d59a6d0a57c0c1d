/**
 * About → 方法自检: the published worked examples shipped with the app, run offline by the app's
 * own code (methodSelfTest), each example's pass/fail and, opened, every number with the expected
 * and computed value and the tolerance.
 */
import { useTranslation } from 'react-i18next';
import { useMethodSelfTest } from '../../api/mutations.ts';

const shown = (v: number | boolean | string | null) => (typeof v === 'number' ? String(Number(v.toPrecision(8))) : String(v));

export function SelfTest() {
  const { t } = useTranslation();
  const selfTest = useMethodSelfTest();
  const r = selfTest.data;
  return (
    <section className="self-test" data-testid="self-test" aria-labelledby="self-test-title">
      <h3 id="self-test-title">{t('selftest.title')}</h3>
      <p className="muted small">{t('selftest.intro')}</p>
      <button type="button" onClick={() => selfTest.mutate({})} disabled={selfTest.isPending} data-testid="self-test-run">
        {selfTest.isPending ? t('selftest.running') : t('selftest.run')}
      </button>
      {selfTest.error && (
        <p role="alert" className="load-error small">
          {selfTest.error.message}
        </p>
      )}
      {r && (
        <>
          <p className={r.pass ? 'self-test-pass' : 'flag'} data-testid="self-test-verdict" data-pass={r.pass}>
            {r.pass ? t('selftest.allPass', { checks: r.checks, cases: r.cases.length, ms: r.ms }) : t('selftest.failed', r)}
          </p>
          <table className="criteria-table self-test-table" data-testid="self-test-table">
            <thead>
              <tr>
                <th scope="col">{t('selftest.method')}</th>
                <th scope="col">{t('selftest.example')}</th>
                <th scope="col">{t('selftest.checks')}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {r.cases.map((c) => (
                <tr key={`${c.method}-${c.id}`} data-case={c.id} data-pass={c.pass}>
                  <td>{t(`selftest.methods.${c.method}`)}</td>
                  <td>
                    <details>
                      <summary>{c.id}</summary>
                      <p className="small muted">{c.source}</p>
                      {c.error && <p className="flag small">{c.error}</p>}
                      <table className="criteria-table small">
                        <thead>
                          <tr>
                            <th scope="col">{t('selftest.label')}</th>
                            <th scope="col">{t('selftest.expected')}</th>
                            <th scope="col">{t('selftest.computed')}</th>
                            <th scope="col">{t('selftest.tolerance')}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {c.checks.slice(0, 60).map((k) => (
                            <tr key={k.label} className={k.pass ? undefined : 'excluded'}>
                              <td>{k.label}</td>
                              <td className="num">{shown(k.expected)}</td>
                              <td className="num">{shown(k.computed)}</td>
                              <td className="num">{shown(k.tolerance)}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </details>
                  </td>
                  <td className="num">
                    {c.checks.filter((k) => k.pass).length}/{c.checks.length}
                  </td>
                  <td className={c.pass ? 'self-test-pass' : 'flag'}>{c.pass ? `✓ ${t('selftest.pass')}` : `✗ ${t('selftest.fail')}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
