import { Fragment } from 'react';
import { textLang } from './textLang.ts';

const URL_PATTERN = /^https?:\/\/\S+$/;

/** A source as recorded: several parts separated by semicolons, each a link when it is a URL. */
export function SourceText({ source }: { source: string }) {
  const parts = source
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean);
  return (
    <span className="source">
      {parts.map((part, index) => (
        <Fragment key={`${index}-${part}`}>
          {index > 0 && '; '}
          {URL_PATTERN.test(part) ? (
            <a href={part} target="_blank" rel="noopener noreferrer" title={part}>
              {part.replace(/^https?:\/\/(www\.)?/, '')}
            </a>
          ) : (
            <span lang={textLang(part)}>{part}</span>
          )}
        </Fragment>
      ))}
    </span>
  );
}
