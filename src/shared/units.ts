/** Sizes printed exactly as the docker CLI prints them (docker/go-units). */

const DECIMAL_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];
const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'];

/** go-units' "%.4g" after scaling: 4 significant digits, no trailing zeros. */
function scaled(bytes: number, base: number, units: readonly string[]): string {
  let size = bytes;
  let i = 0;
  while (size >= base && i < units.length - 1) {
    size /= base;
    i++;
  }
  return `${Number(size.toPrecision(4)).toString()}${units[i]}`;
}

/** go-units HumanSize, as `docker system df` and `docker image ls` print sizes: "1.982MB", "0B", "12.3kB". */
export function humanSize(bytes: number): string {
  return scaled(bytes, 1000, DECIMAL_UNITS);
}

/** go-units BytesSize, as `docker info` prints Total Memory: "15.51GiB". */
export function bytesSize(bytes: number): string {
  return scaled(bytes, 1024, BINARY_UNITS);
}
