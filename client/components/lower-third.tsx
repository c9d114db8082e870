import type { Person } from '@shared/programme';
import { inFull } from '@shared/wording';

/** Name and title of the person on now, written in full for the hall and the broadcast. */
export function LowerThird({ person, className = '' }: { person: Person; className?: string }) {
  return (
    <div className={`lower-third ${className}`} data-testid="lower-third">
      <div className="lt-name">{inFull(person.name)}</div>
      {person.title ? <div className="lt-title">{inFull(person.title)}</div> : null}
    </div>
  );
}
