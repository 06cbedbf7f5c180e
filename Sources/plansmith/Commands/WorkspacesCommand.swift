import ArgumentParser
import Foundation
import PlansmithCore
import Store

/// `plansmith workspaces …`: team workspaces, their members and invitations, from scripts.
struct WorkspacesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workspaces",
        abstract: "List, create and choose workspaces; invite, change and remove members.",
        discussion: """
        A workspace holds domains shared by its members. Owners manage members; editors change \
        domains; viewers only read them. `use NAME` chooses the workspace that `domains list` and \
        `domains import` work in (kept with your account); commands that take --workspace NAME \
        (a name or an id) work in that one instead.

        Exit status: 0 done, 1 refused (unknown workspace or member, not an owner, the last owner \
        leaving, a name taken), 2 usage or I/O problem.
        """,
        subcommands: [WorkspacesListCommand.self, WorkspacesCreateCommand.self, WorkspacesUseCommand.self,
                      WorkspacesMembersCommand.self, WorkspacesInviteCommand.self, WorkspacesRoleCommand.self,
                      WorkspacesRemoveCommand.self, WorkspacesLeaveCommand.self, WorkspacesInvitationsCommand.self,
                      WorkspacesAcceptCommand.self, WorkspacesDeclineCommand.self])
}

/// A role as typed on the command line.
extension WorkspaceAccess: ExpressibleByArgument {}

struct WorkspacesListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List your workspaces with your role in each.")

    @OptionGroup var store: StoreArguments
    @Flag(help: "Print one JSON object instead of a table.") var json = false

    func run() async throws {
        let (all, current) = try await store.withSession("workspaces list") { session in
            (try await StoreWorkspaces(store: session.store).workspaces(userId: session.userId), session.workspace.id)
        }
        if json {
            Console.json(["workspaces": all.map { JSONForms.workspace($0, current: $0.id == current) }])
            return
        }
        let rows = all.map { [$0.id == current ? "*" : "", String($0.id), $0.name, $0.role.rawValue] }
        Console.out(StoreFormatting.table(["", "id", "name", "role"], rows))
    }
}

struct WorkspacesCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create", abstract: "Create a workspace you own.")

    @OptionGroup var store: StoreArguments
    @Argument(help: "The new workspace's name.") var name: String
    @Flag(help: "Print one JSON object.") var json = false

    func run() async throws {
        let created = try await store.withSession("workspaces create") { session in
            try await StoreWorkspaces(store: session.store).create(named: name, userId: session.userId)
        }
        if json { Console.json(JSONForms.workspace(created)) }
        else { Console.out("created workspace \(created.name) (id \(created.id)); `plansmith workspaces use \(created.name)` to work in it\n") }
    }
}

struct WorkspacesUseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "use", abstract: "Work in this workspace from now on (domains list, domains import, the TUI).")

    @OptionGroup var store: StoreArguments
    @Argument(help: "A workspace's name or id.") var name: String
    @Flag(help: "Print one JSON object.") var json = false

    func run() async throws {
        let chosen = try await store.withSession("workspaces use") { session in
            let chosen = try await StoreWorkspaces(store: session.store).workspace(named: name, userId: session.userId)
            let fresh = try await session.store.accounts.user(id: session.userId)?.preferences ?? session.user.preferences
            try await session.store.accounts.setPreferences(
                userId: session.userId, json: CurrentWorkspace.preferences(fresh, settingWorkspace: chosen.id))
            return chosen
        }
        if json { Console.json(JSONForms.workspace(chosen, current: true)) }
        else { Console.out("now working in \(chosen.name) (\(chosen.role.rawValue))\n") }
    }
}

/// `--workspace NAME`, defaulting to the current workspace.
struct WorkspaceChoice: ParsableArguments {
    @Option(help: ArgumentHelp("The workspace (name or id; default: the current one).", valueName: "name"))
    var workspace: String?
}

struct WorkspacesMembersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "members", abstract: "List a workspace's members and pending invitations.")

    @OptionGroup var store: StoreArguments
    @OptionGroup var choice: WorkspaceChoice
    @Flag(help: "Print one JSON object instead of a table.") var json = false

    func run() async throws {
        let roster = try await store.withSession("workspaces members") { session in
            let workspace = try await session.workspace(named: choice.workspace)
            return try await StoreWorkspaces(store: session.store).roster(of: workspace.id!, userId: session.userId)
        }
        if json {
            Console.json(JSONForms.roster(roster))
            return
        }
        var rows = roster.members.map { [$0.email, $0.role.rawValue, "member"] }
        rows += roster.invitations.map { [$0.email, $0.role.rawValue, "invited \(StoreFormatting.text($0.createdAt))"] }
        Console.out("\(roster.workspace.name):\n" + StoreFormatting.table(["email", "role", "status"], rows))
    }
}

struct WorkspacesInviteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invite",
        abstract: "Add an account to a workspace, or invite an email that has no account yet (owners only).")

    @OptionGroup var store: StoreArguments
    @OptionGroup var choice: WorkspaceChoice
    @Argument(help: "The person's email.") var email: String
    @Option(help: "owner, editor or viewer.") var role: WorkspaceAccess = .viewer
    @Flag(help: "Print one JSON object.") var json = false

    func run() async throws {
        let result = try await store.withSession("workspaces invite") { session in
            let workspace = try await session.workspace(named: choice.workspace)
            return try await StoreWorkspaces(store: session.store).invite(email: email, role: role, to: workspace.id!,
                                                                          userId: session.userId)
        }
        if json {
            Console.json(JSONForms.inviteResult(result))
            return
        }
        switch result {
        case .added(let member): Console.out("added \(member.email) as \(member.role.rawValue)\n")
        case .invited(let invitation):
            Console.out("invited \(invitation.email) as \(invitation.role.rawValue) to \(invitation.workspaceName); "
                        + "it waits until they sign up with that email and accept\n")
        }
    }
}

struct WorkspacesRoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "role", abstract: "Change a member's role (owners only).")

    @OptionGroup var store: StoreArguments
    @OptionGroup var choice: WorkspaceChoice
    @Argument(help: "The member's email.") var email: String
    @Argument(help: "owner, editor or viewer.") var role: WorkspaceAccess

    func run() async throws {
        try await store.withSession("workspaces role") { session in
            let workspaces = StoreWorkspaces(store: session.store)
            let workspace = try await session.workspace(named: choice.workspace)
            let member = try await workspaces.member(email: email, in: workspace.id!, userId: session.userId)
            try await workspaces.setRole(role, of: member.userId, in: workspace.id!, userId: session.userId)
        }
        Console.out("\(email) is now \(role.rawValue)\n")
    }
}

struct WorkspacesRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a member (owners only).")

    @OptionGroup var store: StoreArguments
    @OptionGroup var choice: WorkspaceChoice
    @Argument(help: "The member's email.") var email: String

    func run() async throws {
        let name = try await store.withSession("workspaces remove") { session in
            let workspaces = StoreWorkspaces(store: session.store)
            let workspace = try await session.workspace(named: choice.workspace)
            let member = try await workspaces.member(email: email, in: workspace.id!, userId: session.userId)
            try await workspaces.remove(member.userId, from: workspace.id!, userId: session.userId)
            return workspace.name
        }
        Console.out("removed \(email) from \(name)\n")
    }
}

struct WorkspacesLeaveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "leave", abstract: "Leave a workspace (not as its last owner).")

    @OptionGroup var store: StoreArguments
    @Argument(help: "A workspace's name or id.") var name: String

    func run() async throws {
        let left = try await store.withSession("workspaces leave") { session in
            let workspace = try await session.workspace(named: name)
            try await StoreWorkspaces(store: session.store).leave(workspace.id!, userId: session.userId)
            return workspace.name
        }
        Console.out("left \(left)\n")
    }
}

struct WorkspacesInvitationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "invitations", abstract: "List invitations waiting for you.")

    @OptionGroup var store: StoreArguments
    @Flag(help: "Print one JSON object instead of a table.") var json = false

    func run() async throws {
        let invitations = try await store.withSession("workspaces invitations") { session in
            try await StoreWorkspaces(store: session.store).invitations(userId: session.userId)
        }
        if json {
            Console.json(["invitations": invitations.map(JSONForms.invitation)])
            return
        }
        let rows = invitations.map { [String($0.id), $0.workspaceName, $0.role.rawValue, StoreFormatting.text($0.createdAt)] }
        Console.out(StoreFormatting.table(["id", "workspace", "role", "invited"], rows))
    }
}

struct WorkspacesAcceptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "accept", abstract: "Accept an invitation (by its id).")

    @OptionGroup var store: StoreArguments
    @Argument(help: "The invitation's id (see `workspaces invitations`).") var id: Int64

    func run() async throws {
        let joined = try await store.withSession("workspaces accept") { session in
            try await StoreWorkspaces(store: session.store).accept(invitation: id, userId: session.userId)
        }
        Console.out("joined \(joined.name) as \(joined.role.rawValue)\n")
    }
}

struct WorkspacesDeclineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decline", abstract: "Decline an invitation to you, or withdraw one of your workspace's (owners).")

    @OptionGroup var store: StoreArguments
    @Argument(help: "The invitation's id.") var id: Int64

    func run() async throws {
        try await store.withSession("workspaces decline") { session in
            try await StoreWorkspaces(store: session.store).decline(invitation: id, userId: session.userId)
        }
        Console.out("declined invitation \(id)\n")
    }
}
