/** The data folder cannot be used as it is (a corrupt database, a keystore with a loose mode); the file is left untouched. */
export class StorageError extends Error {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}
