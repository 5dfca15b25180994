import { addAgendaItem } from "./add-agenda-item.js";
import { approveMinutes } from "./approve-minutes.js";
import { assignAction } from "./assign-action.js";
import { cancelMeeting } from "./cancel-meeting.js";
import { changeItemKind } from "./change-item-kind.js";
import { chooseApprovers } from "./choose-approvers.js";
import { CommandRegistry } from "./command-registry.js";
import { showMinutesDraft } from "./compile-minutes.js";
import { completeAction } from "./complete-action.js";
import { setNotice, showNotice } from "./council-notice.js";
import { createCouncil } from "./create-council.js";
import { editEntry } from "./edit-entry.js";
import { askToForget, confirm } from "./forget-person.js";
import { linkChannel } from "./link-channel.js";
import { listMine, listOpen, listOverdue, listPerson } from "./list-actions.js";
import { minutesPdf } from "./minutes-pdf.js";
import { moveItem } from "./move-item.js";
import { moveMeeting } from "./move-meeting.js";
import { nameExternal } from "./name-external.js";
import {
  markImmediate,
  recordConflict,
  recordRemark,
  recordReservation,
  recordVote,
} from "./paragraph-notes.js";
import { postponeAction } from "./postpone-action.js";
import { publishMinutes } from "./publish-minutes.js";
import { recordAttendance, recordServing } from "./record-attendance.js";
import { recordItem } from "./record-item.js";
import { listMembers, registerMembers } from "./register-members.js";
import { removeEntry } from "./remove-entry.js";
import { renameCouncil } from "./rename-council.js";
import { scheduleMeeting } from "./schedule-meeting.js";
import { searchItems } from "./search-items.js";
import { setDocuments } from "./set-documents.js";
import { setLanguage } from "./set-language.js";
import { setLede } from "./set-lede.js";
import { setMode } from "./set-mode.js";
import { setMyLanguage } from "./set-my-language.js";
import { setReminders } from "./set-reminders.js";
import { setRole } from "./set-role.js";
import { setTimeZone } from "./set-time-zone.js";
import { setWeb } from "./set-web.js";
import { showAgenda } from "./show-agenda.js";
import { showEntry } from "./show-entry.js";
import { showHelp } from "./show-help.js";
import { showLog } from "./show-log.js";
import { showMyData } from "./show-my-data.js";
import { showNextMeeting } from "./show-next-meeting.js";
import { showReminders } from "./show-reminders.js";
import { showSettings } from "./show-settings.js";
import { unlinkChannel } from "./unlink-channel.js";
import { verifyMinutes } from "./verify-minutes.js";

/** Every command of architecture.md §3 and the use case that serves it. */
export function createCommandRegistry(): CommandRegistry {
  return new CommandRegistry()
    .register("help", showHelp)
    .register("council", createCouncil)
    .register("meeting", scheduleMeeting)
    .register("next", showNextMeeting)
    .register("item", recordItem)
    .register("action", assignAction)
    .register("list-open", listOpen)
    .register("list-mine", listMine)
    .register("list-overdue", listOverdue)
    .register("list-person", listPerson)
    .register("done", completeAction)
    .register("postpone", postponeAction)
    .register("minutes", showMinutesDraft)
    .register("approve", approveMinutes)
    .register("publish", publishMinutes)
    .register("verify", verifyMinutes)
    .register("show", showEntry)
    .register("search", searchItems)
    .register("role", setRole)
    .register("documents", setDocuments)
    .register("lede", setLede)
    .register("agenda-add", addAgendaItem)
    .register("agenda-show", showAgenda)
    .register("edit", editEntry)
    .register("remove", removeEntry)
    .register("cancel", cancelMeeting)
    .register("move", moveMeeting)
    .register("link", linkChannel)
    .register("reminders-show", showReminders)
    .register("reminders-set", setReminders)
    .register("mode", setMode)
    .register("settings", showSettings)
    .register("register", registerMembers)
    .register("members", listMembers)
    .register("attendance", recordAttendance)
    .register("serving", recordServing)
    .register("approvers", chooseApprovers)
    .register("reservation", recordReservation)
    .register("remark", recordRemark)
    .register("conflict", recordConflict)
    .register("vote", recordVote)
    .register("immediate", markImmediate)
    .register("notice-show", showNotice)
    .register("notice-set", setNotice)
    .register("web", setWeb)
    .register("rename", renameCouncil)
    .register("minutes-pdf", minutesPdf)
    .register("my-data", showMyData)
    .register("forget", askToForget)
    .register("confirm", confirm)
    .register("language", setLanguage)
    .register("time-zone", setTimeZone)
    .register("unlink", unlinkChannel)
    .register("log", showLog)
    .register("my-language", setMyLanguage)
    .register("external", nameExternal)
    .register("item-kind", changeItemKind)
    .register("move-item", moveItem);
}
