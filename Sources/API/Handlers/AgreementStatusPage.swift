import Domain
import Foundation

/// The public HTML page of agreements in force, in bokmål, with no scripts and no external resources.
enum AgreementStatusPage {
    static func render(_ list: Components.Schemas.AgreementStatusList) -> String {
        let inForce = list.kommuner.filter(\.inForce).count
        var rows = ""
        for kommune in list.kommuner {
            rows += "<tr><td>\(escape(kommune.kommunenummer ?? ""))</td><td>\(escape(kommune.name))</td>"
            rows += kommune.inForce ? "<td class=\"ja\">Ja</td>" : "<td>Nei</td>"
            rows += "<td>\(kommune.since.map(norwegianDate) ?? "")</td></tr>\n"
        }
        var virksomheter = ""
        for virksomhet in list.virksomheter {
            virksomheter += "<tr><td>\(escape(virksomhet.name))</td><td>\(virksomhet.since.map(norwegianDate) ?? "")</td></tr>\n"
        }
        return """
            <!doctype html>
            <html lang="nb">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Databehandleravtaler – Kompetanseportal</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 2rem; max-width: 60rem; color: #1a1a1a; }
            table { border-collapse: collapse; width: 100%; margin-bottom: 2rem; }
            th, td { text-align: left; padding: .3rem .6rem; border-bottom: 1px solid #ddd; }
            th { background: #f2f2f2; }
            td.ja { color: #0a6b2b; font-weight: 600; }
            </style>
            </head>
            <body>
            <h1>Databehandleravtaler</h1>
            <p>Oversikt over hvilke kommuner og virksomheter som har databehandleravtale for Kompetanseportal i kraft.
            \(inForce) av \(list.kommuner.count) kommuner har avtale i kraft.</p>
            <h2>Kommuner</h2>
            <table>
            <thead><tr><th>Kommunenr.</th><th>Kommune</th><th>Avtale i kraft</th><th>Fra</th></tr></thead>
            <tbody>
            \(rows)</tbody>
            </table>
            <h2>Private og ideelle virksomheter</h2>
            \(list.virksomheter.isEmpty ? "<p>Ingen ennå.</p>" : "<table>\n<thead><tr><th>Virksomhet</th><th>Fra</th></tr></thead>\n<tbody>\n\(virksomheter)</tbody>\n</table>")
            </body>
            </html>

            """
    }

    /// `2026-12-01` → `01.12.2026`.
    static func norwegianDate(_ iso: String) -> String {
        (try? CalendarDate(iso: iso))?.norwegian ?? escape(iso)
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
