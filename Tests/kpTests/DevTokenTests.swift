import ArgumentParser
import Identity
import Testing

@testable import kp

/// `kp dev token --as NAME` picks a person from the demo's table, and its help lists them all.
@Suite struct DevTokenTests {
    @Test func asNamesAPersonOfTheTableAndTheLISIsTheDefault() throws {
        #expect(try DevCommand.Token.parse([]).person == .lis)
        for person in DemoPerson.all {
            #expect(try DevCommand.Token.parse(["--as", person.id]).person == person)
        }
        #expect(throws: (any Error).self) { try DevCommand.Token.parse(["--as", "nobody"]) }
    }

    @Test func theHelpListsEveryDemoPerson() {
        let help = DevCommand.Token.helpMessage(columns: 200)
        for person in DemoPerson.all {
            #expect(help.contains(person.id), "\(person.id)")
            #expect(help.contains(person.name), "\(person.name)")
        }
    }
}
