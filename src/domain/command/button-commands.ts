/**
 * The commands a button may carry: "Klar", "Skjut upp", "Justera", "Publicera". A button's value
 * comes back from the client and names its council; limiting it to these commands — each of
 * which needs a role in, or an action of, that council — means a forged value can read or do
 * nothing there that its sender could not do by typing in that council's channel.
 */
const BUTTON_COMMAND =
  /^(?:(?:done|postpone) [1-9]\d{0,9}|(?:approve|publish)(?: \d{4}-\d{2}-\d{2})?)$/;

export function isButtonCommand(command: string): boolean {
  return BUTTON_COMMAND.test(command.trim());
}
