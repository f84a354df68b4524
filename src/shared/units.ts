/** Sizes printed exactly as the docker CLI prints them (docker/go-units). */

const DECIMAL_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];
const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'];

/**
 * Go's "%.<precision>g": significant digits, trailing zeros dropped, and the exponent form ("1e+03") when
 * rounding reaches 10^precision — which go-units prints as is ("1e+03kB" for 999.6 kB at precision 3).
 */
function goG(value: number, precision: number): string {
  const text = value.toPrecision(precision);
  const exp = /^(-?[\d.]+)e([+-])(\d+)$/.exec(text);
  const trim = (s: string): string => (s.includes('.') ? s.replace(/\.?0+$/, '') : s);
  if (!exp) return trim(text);
  return `${trim(exp[1] ?? '')}e${exp[2] ?? '+'}${(exp[3] ?? '').padStart(2, '0')}`;
}

function scaled(bytes: number, base: number, units: readonly string[], precision: number): string {
  let size = bytes;
  let i = 0;
  while (size >= base && i < units.length - 1) {
    size /= base;
    i++;
  }
  return `${goG(size, precision)}${units[i]}`;
}

/** go-units HumanSize, as `docker system df` prints sizes: "1.982MB", "0B", "12.3kB". */
export function humanSize(bytes: number): string {
  return scaled(bytes, 1000, DECIMAL_UNITS, 4);
}

/** go-units HumanSizeWithPrecision(size, 3), as `docker image ls` prints SIZE: "1.98MB". */
export function imageSize(bytes: number): string {
  return scaled(bytes, 1000, DECIMAL_UNITS, 3);
}

/** go-units BytesSize, as `docker info` prints Total Memory: "15.51GiB". */
export function bytesSize(bytes: number): string {
  return scaled(bytes, 1024, BINARY_UNITS, 4);
}
