/** The shortcuts, shown on the console so that nobody has to remember them. */
export const ShortcutLegend = ({ nextStep }: { nextStep: boolean }) => (
  <section className="panel shortcuts" aria-labelledby="shortcuts-heading">
    <h2 id="shortcuts-heading">Keyboard</h2>
    <dl>
      <dt>
        <kbd>Space</kbd>
      </dt>
      <dd>pause or resume the clock</dd>
      <dt>
        <kbd>N</kbd>
      </dt>
      <dd>next speaker</dd>
      {nextStep && (
        <>
          <dt>
            <kbd>Shift</kbd>+<kbd>N</kbd>
          </dt>
          <dd>next step (asks first; Enter confirms)</dd>
        </>
      )}
    </dl>
  </section>
);
