/**
 * Facilitator setup: the scenario, who grades the plans (a scoring preset or custom weights), how
 * teams play (round by round or the whole year), hidden scores and their reveal, the timer, and
 * the dice every team plays with. Every change is saved at once. "Start the workshop" lets the
 * settings drive play in this browser; the workshop link carries them to teams on other laptops.
 */
import { useId, useRef, useState } from 'react';
import { Link } from 'wouter';

import { copyText } from '../../components/browser';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ArrowRightIcon } from '../../components/icons';
import { Notice } from '../../components/Notice';
import { QR_MAX_CHARS } from '../../components/qr';
import { TextQrCode } from '../../components/QrCode';
import { compile, METRICS, type Metric, type Scenario } from '../../engine';
import { METRIC_INFO, presetWords } from '../../explain/words';
import { scoringPresets } from '../../engine/presets';
import {
  CUSTOM_PRESET,
  MAX_CUSTOM_WEIGHT,
  MAX_SEED,
  TIMER_MINUTES,
  WORKSHOP_TITLE_MAX,
  checkWorkshopSettings,
  defaultWorkshopSettings,
  workshopWeights,
  type WorkshopSettings,
} from '../../engine/workshop';
import { randomSeed, useAppStore, useScenarioListings } from '../../store';
import { useWorkshopDraft, useWorkshopLink } from './hooks';
import { WorkshopTimer } from './Timer';
import './workshop.css';

export interface WorkshopPageProps {
  boardHref: (scenarioId: string) => string;
  briefingHref: (scenarioId: string) => string;
  presentHref: string;
  compareHref: string;
  /** The route that joins a workshop from its token. */
  joinPath: (token: string) => string;
  /** The facilitator's live room (teams join with a code, everything syncs). */
  roomHref: string;
}

/**
 * A radio button or checkbox with its label and, below, a description it is described by (the
 * label holds the name only, so screen readers hear the name first and the detail after).
 */
function Choice({
  type,
  name,
  value,
  checked,
  onChange,
  title,
  description,
}: {
  type: 'radio' | 'checkbox';
  name?: string;
  value?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  title: string;
  description?: string;
}) {
  const id = useId();
  const descriptionId = `${id}-description`;
  return (
    <div className="choice">
      <input
        id={id}
        type={type}
        name={name}
        value={value}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-describedby={description ? descriptionId : undefined}
      />
      <div className="choice-text">
        <label htmlFor={id}>{title}</label>
        {description && (
          <p id={descriptionId} className="small muted">
            {description}
          </p>
        )}
      </div>
    </div>
  );
}

/**
 * A whole-number field saved while it holds a number in range; what is typed stays as typed until
 * the field loses focus, so clearing it to type another number does not jump.
 */
function WholeNumberField({
  label,
  value,
  min,
  max,
  onChange,
  hint,
  className,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  onChange: (value: number) => void;
  hint?: string;
  className?: string;
}) {
  const id = useId();
  const [text, setText] = useState<string | null>(null);
  const typed = text === null ? null : Number(text);
  const invalid =
    typed !== null && !(Number.isInteger(typed) && typed >= min && typed <= max && text !== '');
  return (
    <div className="field-inline number-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className={className}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={text ?? String(value)}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          const number = Number(next);
          if (next !== '' && Number.isInteger(number) && number >= min && number <= max)
            onChange(number);
        }}
        onBlur={() => setText(null)}
      />
      {hint && <span className="small muted">{hint}</span>}
      {invalid && (
        <span id={`${id}-error`} className="field-error small">
          A whole number from {min} to {max}.
        </span>
      )}
    </div>
  );
}

function Weights({
  scenario,
  settings,
  onChange,
}: {
  scenario: Scenario;
  settings: WorkshopSettings;
  onChange: (weights: WorkshopSettings['weights']) => void;
}) {
  const baseId = useId();
  const applicable = compile(scenario).applicable;
  const metrics = METRICS.filter((m) => applicable[m]);
  const total = metrics.reduce((sum, m) => sum + (settings.weights[m] ?? 0), 0);
  return (
    <fieldset className="weights">
      <legend>Custom weights</legend>
      <p className="small muted">
        Each metric counts in proportion to its weight (0 leaves it out). The shares are what the
        score is made of.
      </p>
      {metrics.map((m: Metric) => {
        const value = settings.weights[m] ?? 0;
        const id = `${baseId}-${m}`;
        return (
          <div key={m} className="weight-row">
            <label htmlFor={id}>{METRIC_INFO[m].label}</label>
            <input
              id={id}
              type="range"
              min={0}
              max={MAX_CUSTOM_WEIGHT}
              step={0.5}
              value={value}
              aria-valuetext={`${value} (${total > 0 ? Math.round((100 * value) / total) : 0}% of the score)`}
              onChange={(event) =>
                onChange({ ...settings.weights, [m]: Number(event.target.value) })
              }
            />
            <output htmlFor={id} className="weight-value">
              {value} · {total > 0 ? Math.round((100 * value) / total) : 0}%
            </output>
          </div>
        );
      })}
      {total === 0 && (
        <p className="field-error" role="alert">
          Give at least one metric a weight above 0.
        </p>
      )}
    </fieldset>
  );
}

export function WorkshopPage({
  boardHref,
  briefingHref,
  presentHref,
  compareHref,
  joinPath,
  roomHref,
}: WorkshopPageProps) {
  const { settings, scenario } = useWorkshopDraft();
  const listings = useScenarioListings();
  const active = useAppStore((s) => s.workshop.active);
  const role = useAppStore((s) => s.workshop.role);
  const gamesPlayed = useAppStore((s) => Object.keys(s.workshop.games).length);
  const save = useAppStore((s) => s.setWorkshopSettings);
  const startWorkshop = useAppStore((s) => s.startWorkshop);
  const endWorkshop = useAppStore((s) => s.endWorkshop);
  const setRevealed = useAppStore((s) => s.setRevealed);
  const link = useWorkshopLink(settings, scenario, joinPath);
  const linkRef = useRef<HTMLInputElement>(null);
  const [copyStatus, setCopyStatus] = useState('');
  const [confirmDice, setConfirmDice] = useState(false);
  const ids = {
    scenario: useId(),
    title: useId(),
    link: useId(),
  };

  if (!settings || !scenario)
    return (
      <section className="workshop-page" aria-labelledby="workshop-title">
        <h1 id="workshop-title" tabIndex={-1}>
          Run a workshop
        </h1>
        <p>There is no scenario in the library to run a workshop with.</p>
      </section>
    );

  const change = (changes: Partial<WorkshopSettings>) => save({ ...settings, ...changes });
  const presets = scoringPresets(scenario);
  const customEmpty = checkWorkshopSettings(scenario, settings).some((i) => i.path === 'weights');

  const chooseScenario = (id: string) => {
    const next = listings.find((l) => l.scenario.id === id)?.scenario;
    if (!next) return;
    const base = defaultWorkshopSettings(next, settings.seed);
    save({
      ...base,
      title: settings.title,
      timerMinutes: settings.timerMinutes,
      play: settings.play,
      hideScores: settings.hideScores,
      visualAlert: settings.visualAlert,
      ...(settings.preset === CUSTOM_PRESET
        ? { preset: CUSTOM_PRESET, weights: settings.weights }
        : {
            preset: scoringPresets(next).some((p) => p.id === settings.preset)
              ? settings.preset
              : 'balanced',
          }),
    });
  };

  const choosePreset = (preset: string) => {
    if (preset === CUSTOM_PRESET) {
      // Start the sliders from the weights in use, within the sliders' range.
      const from = workshopWeights(scenario, settings);
      const weights = Object.fromEntries(
        METRICS.map((m) => [m, Math.min(MAX_CUSTOM_WEIGHT, Math.round((from[m] ?? 0) * 2) / 2)]),
      );
      change({ preset, weights });
    } else change({ preset });
  };

  const copy = async () => {
    if (!link) return;
    const copied = await copyText(link, linkRef.current);
    setCopyStatus(
      copied
        ? 'Workshop link copied to the clipboard.'
        : 'The link is selected: press Ctrl+C (⌘C on a Mac) to copy it.',
    );
  };

  const hidden = settings.hideScores;
  const slotWord = scenario.time.slotsPerYear === 4 ? 'quarter' : 'slot';
  return (
    <section className="workshop-page" aria-labelledby="workshop-title">
      <header className="workshop-header">
        <p className="eyebrow">Workshop</p>
        <h1 id="workshop-title" tabIndex={-1}>
          Run a workshop
        </h1>
        <p className="lede">
          Choose the scenario and the rules, start the workshop, and send teams the workshop link.
          Everything runs in each team’s browser: no accounts, no server.
        </p>
      </header>

      <div className={`workshop-status${active ? ' is-on' : ''}`} data-testid="workshop-status">
        {active ? (
          <>
            <p>
              <strong>The workshop is on in this browser.</strong> The board of {scenario.title}{' '}
              plays by these settings{role === 'team' ? ' (joined from a workshop link)' : ''}.
            </p>
            <div className="workshop-actions">
              <Link href={boardHref(scenario.id)} className="button button-primary">
                Open the board
                <ArrowRightIcon />
              </Link>
              <Link href={presentHref} className="button">
                Presentation view
              </Link>
              <Link href={roomHref} className="button">
                Live room
              </Link>
              <button type="button" className="button" onClick={endWorkshop}>
                End the workshop
              </button>
            </div>
          </>
        ) : (
          <>
            <p>
              <strong>Not started in this browser.</strong> Starting it makes the board of “
              {scenario.title}” play by these settings here; teams on other laptops join with the
              link below.
            </p>
            <div className="workshop-actions">
              <button
                type="button"
                className="button button-primary"
                disabled={customEmpty}
                onClick={() => {
                  save(settings);
                  startWorkshop();
                }}
              >
                Start the workshop
              </button>
              <Link href={roomHref} className="button">
                Open a live room
              </Link>
            </div>
          </>
        )}
      </div>

      <div className="workshop-grid">
        <section className="workshop-card" aria-labelledby="ws-scenario">
          <h2 id="ws-scenario">Scenario</h2>
          <div className="field-stacked">
            <label htmlFor={ids.scenario}>Scenario</label>
            <select
              id={ids.scenario}
              value={scenario.id}
              onChange={(event) => chooseScenario(event.target.value)}
            >
              {listings.map(({ scenario: s, source }) => (
                <option key={s.id} value={s.id}>
                  {s.title} ({s.time.labels.length} slots)
                  {source === 'imported' ? ' · imported' : ''}
                </option>
              ))}
            </select>
          </div>
          <p className="small muted">
            {scenario.industry} · about {scenario.minutes} minutes ·{' '}
            <Link href={briefingHref(scenario.id)}>read the briefing</Link>
          </p>
          <div className="field-stacked">
            <label htmlFor={ids.title}>Workshop title (shown on the projector)</label>
            <input
              id={ids.title}
              type="text"
              maxLength={WORKSHOP_TITLE_MAX}
              value={settings.title}
              placeholder={scenario.title}
              onChange={(event) => change({ title: event.target.value })}
            />
          </div>
        </section>

        <section className="workshop-card" aria-labelledby="ws-scoring">
          <h2 id="ws-scoring">Scoring</h2>
          <fieldset className="choice-list">
            <legend className="visually-hidden">Who grades the plans</legend>
            {presets.map((p) => (
              <Choice
                key={p.id}
                type="radio"
                name="workshop-preset"
                value={p.id}
                checked={settings.preset === p.id}
                onChange={() => choosePreset(p.id)}
                title={presetWords(p).name}
                description={presetWords(p).description}
              />
            ))}
            <Choice
              type="radio"
              name="workshop-preset"
              value={CUSTOM_PRESET}
              checked={settings.preset === CUSTOM_PRESET}
              onChange={() => choosePreset(CUSTOM_PRESET)}
              title="Custom weights"
              description="Set each metric’s weight yourself."
            />
          </fieldset>
          {settings.preset === CUSTOM_PRESET && (
            <Weights
              scenario={scenario}
              settings={settings}
              onChange={(weights) => change({ weights })}
            />
          )}
        </section>

        <section className="workshop-card" aria-labelledby="ws-play">
          <h2 id="ws-play">How teams play</h2>
          <fieldset className="choice-list">
            <legend className="visually-hidden">Round by round or the whole year</legend>
            <Choice
              type="radio"
              name="workshop-play"
              value="rounds"
              checked={settings.play === 'rounds'}
              onChange={() => change({ play: 'rounds' })}
              title="Round by round"
              description={`Teams commit one ${slotWord} at a time; its events are revealed, then they re-plan the rest.`}
            />
            <Choice
              type="radio"
              name="workshop-play"
              value="year"
              checked={settings.play === 'year'}
              onChange={() => change({ play: 'year' })}
              title="Whole year"
              description="Teams plan the whole year, then play it."
            />
          </fieldset>
          <Choice
            type="checkbox"
            checked={hidden}
            onChange={(checked) => change({ hideScores: checked, revealed: false })}
            title="Hide scores until I reveal them"
            description="Teams see their board, capacity and warnings, but no projected score or % of par."
          />
          <Choice
            type="checkbox"
            checked={settings.parFromHere}
            onChange={(parFromHere) => change({ parFromHere })}
            title="Teams may ask for “Par from here”"
            description="The best continuation the search finds. Off hides it: it shows a whole best plan."
          />
          {hidden && (
            <div className="reveal-row">
              <p className="small" data-testid="reveal-state">
                {settings.revealed ? 'Scores are revealed.' : 'Scores are hidden.'}
              </p>
              <button
                type="button"
                className={settings.revealed ? 'button' : 'button button-primary'}
                onClick={() => setRevealed(!settings.revealed)}
              >
                {settings.revealed ? 'Hide the scores again' : 'Reveal the scores'}
              </button>
            </div>
          )}
          <div className="dice-row">
            <p className="small">
              Every team plays with the same dice: the same events and rolls for everyone. Enter an
              earlier session’s seed to replay its year.
            </p>
            <WholeNumberField
              label="Seed"
              className="seed-input"
              value={settings.seed}
              min={1}
              max={MAX_SEED}
              onChange={(seed) => change({ seed })}
            />
            <button
              type="button"
              className="button button-small"
              onClick={() => setConfirmDice(true)}
            >
              Roll new dice
            </button>
          </div>
        </section>

        <section className="workshop-card" aria-labelledby="ws-timer">
          <h2 id="ws-timer">Timer</h2>
          <WholeNumberField
            label={settings.play === 'rounds' ? 'Minutes per round' : 'Minutes'}
            className="minutes-input"
            value={settings.timerMinutes}
            min={TIMER_MINUTES.min}
            max={TIMER_MINUTES.max}
            onChange={(timerMinutes) => change({ timerMinutes })}
          />
          <WorkshopTimer settings={settings} />
          <Choice
            type="checkbox"
            checked={settings.visualAlert}
            onChange={(checked) => change({ visualAlert: checked })}
            title="Flash the clock when time is up (no sound)"
          />
        </section>
      </div>

      <section className="workshop-card workshop-link" aria-labelledby="ws-link">
        <h2 id="ws-link">Teams on other laptops</h2>
        <p>
          Send this link (chat, email, or the QR code on the presentation view). Opening it asks for
          the team’s name, then opens the board with these settings. Send it again after you change
          a setting or reveal the scores.
        </p>
        {link && (
          <div className="link-row">
            <label htmlFor={ids.link} className="visually-hidden">
              Workshop link
            </label>
            <input
              ref={linkRef}
              id={ids.link}
              type="url"
              readOnly
              value={link}
              spellCheck={false}
              onFocus={(event) => event.target.select()}
              data-testid="workshop-link"
            />
            <button type="button" className="button button-primary" onClick={() => void copy()}>
              Copy link
            </button>
          </div>
        )}
        <p role="status" className="small">
          {copyStatus}
        </p>
        {link && link.length <= QR_MAX_CHARS && (
          <details className="qr-details">
            <summary>Show the QR code</summary>
            <TextQrCode text={link} label="QR code of the workshop link" className="workshop-qr" />
          </details>
        )}
      </section>

      <nav className="workshop-next" aria-label="Workshop views">
        <Link href={presentHref} className="button">
          Presentation view
        </Link>
        <Link href={compareHref} className="button">
          Team comparison
        </Link>
      </nav>

      {customEmpty && (
        <Notice tone="warning" role="none">
          <p>Custom weights must give at least one metric a weight above 0 before you start.</p>
        </Notice>
      )}

      {confirmDice && (
        <ConfirmDialog
          title="Roll new dice?"
          confirmLabel="Roll new dice"
          onCancel={() => setConfirmDice(false)}
          onConfirm={() => {
            setConfirmDice(false);
            change({ seed: randomSeed() });
          }}
        >
          <p>
            Teams who join after this play other events.
            {gamesPlayed > 0 && ' Round-by-round games in this browser start again.'} Send the new
            link to every team.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
