import { joinList } from "../domain/i18n/join-list.js";
import { assertSecretary } from "../domain/permissions.js";
import { textReply } from "../domain/reply.js";
import type { Role } from "../domain/types.js";
import type { CommandHandler } from "./command-registry.js";
import { requireCouncil } from "./scope.js";

/** `ledamot @P…` / `ersättare @P…`: into the council's register, in the order named. */
export const registerMembers: CommandHandler<"register"> = async (context) => {
  const council = requireCouncil(context);
  assertSecretary(context.roles);
  const { deps, command, place, t } = context;
  const people = [];
  for (const mention of command.people) {
    people.push(await deps.store.people.ensureMentioned(mention, place));
  }
  await deps.store.people.register(
    council.id,
    people.map((person) => person.id),
    command.role,
    context.actor.id,
    context.now,
  );
  return textReply(
    "channel",
    t.t(`register.added.${command.role}`, {
      names: joinList(
        people.map((person) => person.displayName),
        t,
      ),
      count: people.length,
    }),
  );
};

/** Offices first, then the register's own order, each person once with every role. */
const ROLE_ORDER: readonly Role[] = ["chair", "secretary", "approver", "member", "substitute"];

/** `medlemmar`: the register, with every role each person holds. */
export const listMembers: CommandHandler<"members"> = async (context) => {
  const council = requireCouncil(context);
  const { t } = context;
  const memberships = await context.deps.store.people.members(council.id);
  const byPerson = new Map<string, { name: string; roles: Role[] }>();
  for (const { person, role } of memberships) {
    const entry = byPerson.get(person.id) ?? { name: person.displayName, roles: [] };
    entry.roles.push(role);
    byPerson.set(person.id, entry);
  }
  const rank = (roles: Role[]) => Math.min(...roles.map((role) => ROLE_ORDER.indexOf(role)));
  const lines = [...byPerson.values()]
    .map((entry, order) => ({ ...entry, order }))
    .sort((a, b) => rank(a.roles) - rank(b.roles) || a.order - b.order)
    .map(({ name, roles }) =>
      t.t("members.line", {
        name,
        roles: joinList(
          [...roles]
            .sort((a, b) => ROLE_ORDER.indexOf(a) - ROLE_ORDER.indexOf(b))
            .map((role) => t.t(`role.${role}`)),
          t,
        ),
      }),
    );
  return {
    audience: "caller",
    blocks: [{ type: "list", title: t.t("members.title", { council: council.name }), lines }],
  };
};
