import HandoffModel

/// The columns `export --format hubspot|salesforce` writes: what those CRMs' imports
/// read (HubSpot's contact properties by label; Salesforce's Lead fields by label, as
/// its Data Import Wizard maps them), with Handoff's own stage and reason in columns of
/// their own for the CRM to keep in custom properties. docs/IMPORT.md lists them.
enum CRMColumns {
  /// The CRM written for.
  enum Target: String {
    case hubspot, salesforce
  }

  /// The header row.
  static func header(_ target: Target) -> [String] {
    switch target {
    case .hubspot:
      return [
        "Email", "First Name", "Last Name", "Company Name", "Lifecycle Stage", "Lead Status",
        "Contact owner", "Original Source", "Handoff Stage", "Handoff Reason", "Handoff ID",
      ]
    case .salesforce:
      return [
        "First Name", "Last Name", "Company", "Email", "Lead Source", "Lead Status", "Lead Owner",
        "Rating", "Handoff Stage", "Handoff Reason", "Handoff ID",
      ]
    }
  }

  /// A lead's cells in header order; `owner` is how the CRM knows the lead's owner (the
  /// member's e-mail, else their name).
  static func cells(_ lead: Lead, _ target: Target, owner: String) -> [String] {
    let (first, last) = split(lead.name)
    switch target {
    case .hubspot:
      let (lifecycle, status) = hubspotStage(lead.stage)
      return [
        lead.email, first, last, lead.company, lifecycle, status, owner,
        hubspotSource[lead.source] ?? "Other Campaigns", lead.stage.rawValue, lead.reason ?? "",
        String(lead.id),
      ]
    case .salesforce:
      return [
        first, last.isEmpty ? first : last, lead.company.isEmpty ? "[not provided]" : lead.company,
        lead.email, salesforceSource[lead.source] ?? lead.source, salesforceStatus(lead.stage),
        owner, lead.score >= 70 ? "Hot" : lead.score >= 40 ? "Warm" : "Cold",
        lead.stage.rawValue, lead.reason ?? "", String(lead.id),
      ]
    }
  }

  /// A name as first and last name: the last word is the last name (both CRMs want one).
  static func split(_ name: String) -> (String, String) {
    let words = name.split(separator: " ", omittingEmptySubsequences: true)
    guard words.count > 1 else { return ("", name) }
    return (words.dropLast().joined(separator: " "), String(words[words.count - 1]))
  }

  /// HubSpot's lifecycle stage and lead status for a stage.
  static func hubspotStage(_ stage: Stage) -> (String, String) {
    switch stage {
    case .new: return ("Lead", "New")
    case .nurturing: return ("Lead", "Open")
    case .mql, .queued: return ("Marketing Qualified Lead", "Open")
    case .accepted: return ("Sales Qualified Lead", "In Progress")
    case .meeting, .negotiation: return ("Opportunity", "Open Deal")
    case .won: return ("Customer", "")
    case .lost: return ("Opportunity", "Bad Timing")
    case .disqualified: return ("Lead", "Unqualified")
    case .churned: return ("Other", "")
    }
  }

  /// Salesforce's default lead statuses: what sales took on was converted.
  static func salesforceStatus(_ stage: Stage) -> String {
    switch stage {
    case .new: return "Open - Not Contacted"
    case .nurturing, .mql: return "Working - Contacted"
    case .queued, .accepted, .meeting, .negotiation, .won, .lost, .churned:
      return "Closed - Converted"
    case .disqualified: return "Closed - Not Converted"
    }
  }

  /// Handoff's sources as HubSpot's Original Source values (others: Other Campaigns).
  static let hubspotSource = [
    "seo": "Organic Search", "ads": "Paid Search", "email": "Email Marketing",
    "social": "Organic Social", "referral": "Referrals", "campaign": "Other Campaigns",
    "direct": "Direct Traffic", "offline": "Offline Sources", "import": "Offline Sources",
    "event": "Offline Sources",
  ]

  /// Handoff's sources as Salesforce's default Lead Source values (others as they are).
  static let salesforceSource = [
    "web": "Web", "seo": "Web", "phone": "Phone Inquiry", "referral": "Partner Referral",
    "list": "Purchased List", "ads": "Advertisement", "event": "Trade Show", "other": "Other",
  ]
}
