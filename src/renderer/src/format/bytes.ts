const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];

/** go-units BytesSize, as `docker info` prints Total Memory: binary units, 4 significant digits ("15.51GiB"). */
export function bytesSize(bytes: number): string {
  let size = bytes;
  let i = 0;
  while (size >= 1024 && i < BINARY_UNITS.length - 1) {
    size /= 1024;
    i++;
  }
  return `${Number(size.toPrecision(4)).toString()}${BINARY_UNITS[i]}`;
}
