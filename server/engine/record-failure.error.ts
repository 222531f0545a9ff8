/** A record fails at a node (DESIGN §4): it goes no further, and the message is reported with the node's name. */
export class RecordFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecordFailure';
  }
}
