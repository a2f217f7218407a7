<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
  <context>
    <name>pos</name>
    <message>
      <location filename="../app.py" line="100" />
      <source>Cashier</source>
      <translation>Cashier</translation>
    </message>
    <message>
      <location filename="../app.py" line="100" />
      <source>Supervisor</source>
      <translation>Supervisor</translation>
    </message>
    <message>
      <location filename="../app.py" line="100" />
      <source>Manager</source>
      <translation>Manager</translation>
    </message>
    <message>
      <location filename="../app.py" line="101" />
      <source>ok</source>
      <translation>ok</translation>
    </message>
    <message>
      <location filename="../app.py" line="101" />
      <source>degraded</source>
      <translation>degraded</translation>
    </message>
    <message>
      <location filename="../app.py" line="101" />
      <source>offline</source>
      <translation>offline</translation>
    </message>
    <message>
      <location filename="../app.py" line="196" />
      <source>Numpad</source>
      <translation>Numpad</translation>
    </message>
    <message>
      <location filename="../app.py" line="201" />
      <source>Help</source>
      <translation>Help</translation>
    </message>
    <message>
      <location filename="../app.py" line="204" />
      <source>Log out</source>
      <translation>Log out</translation>
    </message>
    <message>
      <location filename="../app.py" line="255" />
      <source>HQ: %1 · %2 events waiting</source>
      <translation>HQ: %1 · %2 events waiting</translation>
    </message>
    <message>
      <location filename="../app.py" line="274" />
      <source>online</source>
      <translation>online</translation>
    </message>
    <message>
      <location filename="../app.py" line="374" />
      <source>%1 is not open to your role</source>
      <translation>%1 is not open to your role</translation>
    </message>
    <message>
      <location filename="../app.py" line="457" />
      <source>Sale %1: %2, change %3</source>
      <translation>Sale %1: %2, change %3</translation>
    </message>
    <message>
      <location filename="../app.py" line="460" />
      <source>%1 points earned</source>
      <translation>%1 points earned</translation>
    </message>
    <message>
      <location filename="../app.py" line="462" />
      <source>offline stored value used: %1</source>
      <translation>offline stored value used: %1</translation>
    </message>
    <message>
      <location filename="../approval.py" line="28" />
      <source>price override</source>
      <translation>price override</translation>
    </message>
    <message>
      <location filename="../approval.py" line="29" />
      <source>refund</source>
      <translation>refund</translation>
    </message>
    <message>
      <location filename="../approval.py" line="30" />
      <source>card replacement</source>
      <translation>card replacement</translation>
    </message>
    <message>
      <location filename="../approval.py" line="31" />
      <source>opening a shift</source>
      <translation>opening a shift</translation>
    </message>
    <message>
      <location filename="../approval.py" line="32" />
      <source>closing a shift</source>
      <translation>closing a shift</translation>
    </message>
    <message>
      <location filename="../approval.py" line="33" />
      <source>void after payment</source>
      <translation>void after payment</translation>
    </message>
    <message>
      <location filename="../approval.py" line="34" />
      <source>manual discount</source>
      <translation>manual discount</translation>
    </message>
    <message>
      <location filename="../approval.py" line="35" />
      <source>a tier change</source>
      <translation>a tier change</translation>
    </message>
    <message>
      <location filename="../approval.py" line="45" />
      <source>Supervisor approval</source>
      <translation>Supervisor approval</translation>
    </message>
    <message>
      <location filename="../approval.py" line="49" />
      <source>Approval needed for: %1</source>
      <translation>Approval needed for: %1</translation>
    </message>
    <message>
      <location filename="../approval.py" line="56" />
      <source>Supervisor code</source>
      <translation>Supervisor code</translation>
    </message>
    <message>
      <location filename="../approval.py" line="57" />
      <source>PIN</source>
      <translation>PIN</translation>
    </message>
    <message>
      <location filename="../approval.py" line="64" />
      <source>Approve</source>
      <translation>Approve</translation>
    </message>
    <message>
      <location filename="../approval.py" line="65" />
      <source>Cancel</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../balance.py" line="112" />
      <source>Find a member first</source>
      <translation>Find a member first</translation>
    </message>
    <message>
      <location filename="../balance.py" line="123" />
      <source>Slip %1 printed</source>
      <translation>Slip %1 printed</translation>
    </message>
    <message>
      <location filename="../balance.py" line="26" />
      <source>Balance</source>
      <translation>Balance</translation>
    </message>
    <message>
      <location filename="../balance.py" line="27" />
      <source>Balance slip</source>
      <translation>Balance slip</translation>
    </message>
    <message>
      <location filename="../balance.py" line="29" />
      <source>Find a member by card or phone</source>
      <translation>Find a member by card or phone</translation>
    </message>
    <message>
      <location filename="../balance.py" line="30" />
      <source>Print the balance slip</source>
      <translation>Print the balance slip</translation>
    </message>
    <message>
      <location filename="../balance.py" line="42" />
      <source>Card number or phone; or present the card</source>
      <translation>Card number or phone; or present the card</translation>
    </message>
    <message>
      <location filename="../balance.py" line="45" />
      <source>Find</source>
      <translation>Find</translation>
    </message>
    <message>
      <location filename="../balance.py" line="50" />
      <source>No member selected</source>
      <translation>No member selected</translation>
    </message>
    <message>
      <location filename="../balance.py" line="67" />
      <source>Print slip</source>
      <translation>Print slip</translation>
    </message>
    <message>
      <location filename="../balance.py" line="96" />
      <source>preview</source>
      <translation>preview</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="100" />
      <source>Supplementary card</source>
      <translation>Supplementary card</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="105" />
      <source>member price</source>
      <translation>member price</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="106" />
      <source>promotion</source>
      <translation>promotion</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="107" />
      <source>tier</source>
      <translation>tier</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="108" />
      <source>spend &amp; get off</source>
      <translation>spend &amp; get off</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="109" />
      <source>coupon</source>
      <translation>coupon</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="110" />
      <source>stored-value pay discount</source>
      <translation>stored-value pay discount</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="127" />
      <source>#</source>
      <translation>#</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="127" />
      <source>Item</source>
      <translation>Item</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="127" />
      <source>Qty</source>
      <translation>Qty</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="127" />
      <source>Price</source>
      <translation>Price</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="127" />
      <source>Discounts</source>
      <translation>Discounts</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="127" />
      <source>Amount</source>
      <translation>Amount</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="192" />
      <source>Checkout</source>
      <translation>Checkout</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="195" />
      <source>Quantity of the selected line</source>
      <translation>Quantity of the selected line</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="196" />
      <source>Void the selected line</source>
      <translation>Void the selected line</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="197" />
      <source>Price override (supervisor)</source>
      <translation>Price override (supervisor)</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="198" />
      <source>Member: card or phone</source>
      <translation>Member: card or phone</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="199" />
      <source>Coupon</source>
      <translation>Coupon</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="200" />
      <source>Pay</source>
      <translation>Pay</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="227" />
      <source>Scan or type a barcode / SKU, Enter</source>
      <translation>Scan or type a barcode / SKU, Enter</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="252" />
      <source>List price</source>
      <translation>List price</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="256" />
      <source>To pay</source>
      <translation>To pay</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="262" />
      <source>Member (card or phone)</source>
      <translation>Member (card or phone)</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="265" />
      <source>Swipe / tap / insert, or type card or phone</source>
      <translation>Swipe / tap / insert, or type card or phone</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="268" />
      <source>No member</source>
      <translation>No member</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="278" />
      <source>Type or scan the coupon code</source>
      <translation>Type or scan the coupon code</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="287" />
      <source>Set qty</source>
      <translation>Set qty</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="294" />
      <source>New unit price</source>
      <translation>New unit price</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="296" />
      <source>Override</source>
      <translation>Override</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="300" />
      <source>Void line</source>
      <translation>Void line</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="377" />
      <source>Nothing found for %1</source>
      <translation>Nothing found for %1</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="406" />
      <source>Happy birthday, %1!</source>
      <translation>Happy birthday, %1!</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="432" />
      <source>Coupon %1 applied</source>
      <translation>Coupon %1 applied</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="479" />
      <source>The cart is empty</source>
      <translation>The cart is empty</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="525" />
      <source>Welcome</source>
      <translation>Welcome</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="86" />
      <source>Anonymous card</source>
      <translation>Anonymous card</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="87" />
      <source>Tier</source>
      <translation>Tier</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="88" />
      <source>Points</source>
      <translation>Points</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="89" />
      <source>Stored value</source>
      <translation>Stored value</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="90" />
      <source>principal</source>
      <translation>principal</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="91" />
      <source>bonus</source>
      <translation>bonus</translation>
    </message>
    <message>
      <location filename="../checkout.py" line="95" />
      <source>%1 points expire on %2</source>
      <translation>%1 points expire on %2</translation>
    </message>
    <message>
      <location filename="../customer_display.py" line="110" />
      <source>Total %1</source>
      <translation>Total %1</translation>
    </message>
    <message>
      <location filename="../customer_display.py" line="113" />
      <source>You save %1</source>
      <translation>You save %1</translation>
    </message>
    <message>
      <location filename="../customer_display.py" line="117" />
      <source>Paid %1</source>
      <translation>Paid %1</translation>
    </message>
    <message>
      <location filename="../customer_display.py" line="118" />
      <source>Change %1</source>
      <translation>Change %1</translation>
    </message>
    <message>
      <location filename="../customer_display.py" line="42" />
      <source>Customer display</source>
      <translation>Customer display</translation>
    </message>
    <message>
      <location filename="../keymap.py" line="129" />
      <source>Everywhere</source>
      <translation>Everywhere</translation>
    </message>
    <message>
      <location filename="../keymap.py" line="134" />
      <source>Keyboard shortcuts</source>
      <translation>Keyboard shortcuts</translation>
    </message>
    <message>
      <location filename="../keymap.py" line="137" />
      <source>Scanning works whatever field has focus.</source>
      <translation>Scanning works whatever field has focus.</translation>
    </message>
    <message>
      <location filename="../keymap.py" line="81" />
      <source>Help (this overlay)</source>
      <translation>Help (this overlay)</translation>
    </message>
    <message>
      <location filename="../keymap.py" line="83" />
      <source>Back / close</source>
      <translation>Back / close</translation>
    </message>
    <message>
      <location filename="../login.py" line="21" />
      <source>Log in</source>
      <translation>Log in</translation>
    </message>
    <message>
      <location filename="../login.py" line="43" />
      <source>Store terminal</source>
      <translation>Store terminal</translation>
    </message>
    <message>
      <location filename="../login.py" line="44" />
      <source>Store %1 · terminal %2</source>
      <translation>Store %1 · terminal %2</translation>
    </message>
    <message>
      <location filename="../login.py" line="49" />
      <source>e.g. 1001</source>
      <translation>e.g. 1001</translation>
    </message>
    <message>
      <location filename="../login.py" line="53" />
      <source>Staff code</source>
      <translation>Staff code</translation>
    </message>
    <message>
      <location filename="../login.py" line="82" />
      <source>Enter your staff code and PIN</source>
      <translation>Enter your staff code and PIN</translation>
    </message>
    <message>
      <location filename="../members/card_source.py" line="14" />
      <source>barcode card</source>
      <translation>barcode card</translation>
    </message>
    <message>
      <location filename="../members/card_source.py" line="15" />
      <source>magnetic stripe (swipe)</source>
      <translation>magnetic stripe (swipe)</translation>
    </message>
    <message>
      <location filename="../members/card_source.py" line="16" />
      <source>chip card (insert)</source>
      <translation>chip card (insert)</translation>
    </message>
    <message>
      <location filename="../members/card_source.py" line="17" />
      <source>contactless (tap)</source>
      <translation>contactless (tap)</translation>
    </message>
    <message>
      <location filename="../members/card_source.py" line="18" />
      <source>virtual card</source>
      <translation>virtual card</translation>
    </message>
    <message>
      <location filename="../members/card_source.py" line="29" />
      <source>Next number in sequence</source>
      <translation>Next number in sequence</translation>
    </message>
    <message>
      <location filename="../members/card_source.py" line="30" />
      <source>Present a card (swipe / tap / insert)</source>
      <translation>Present a card (swipe / tap / insert)</translation>
    </message>
    <message>
      <location filename="../members/card_source.py" line="56" />
      <source>Present the card first</source>
      <translation>Present the card first</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="103" />
      <source>New card %1 carries the balance</source>
      <translation>New card %1 carries the balance</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="133" />
      <source>Supplementary card %1 issued</source>
      <translation>Supplementary card %1 issued</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="30" />
      <source>Cards</source>
      <translation>Cards</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="37" />
      <source>Block lost card</source>
      <translation>Block lost card</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="41" />
      <source>Replace blocked card (supervisor)</source>
      <translation>Replace blocked card (supervisor)</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="47" />
      <source>New or supplementary card</source>
      <translation>New or supplementary card</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="54" />
      <source>no limit</source>
      <translation>no limit</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="58" />
      <source>Holder name</source>
      <translation>Holder name</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="59" />
      <source>Limit per sale</source>
      <translation>Limit per sale</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="60" />
      <source>Limit per day</source>
      <translation>Limit per day</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="62" />
      <source>Issue supplementary card</source>
      <translation>Issue supplementary card</translation>
    </message>
    <message>
      <location filename="../members/cards.py" line="80" />
      <source>Card %1 is blocked</source>
      <translation>Card %1 is blocked</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="104" />
      <source>The customer must agree to the privacy notice</source>
      <translation>The customer must agree to the privacy notice</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="112" />
      <source>Birthday: YYYY-MM-DD</source>
      <translation>Birthday: YYYY-MM-DD</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="141" />
      <source>Enrolled: card %1</source>
      <translation>Enrolled: card %1</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="25" />
      <source>Enroll</source>
      <translation>Enroll</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="37" />
      <source>YYYY-MM-DD (optional)</source>
      <translation>YYYY-MM-DD (optional)</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="39" />
      <source>not given</source>
      <translation>not given</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="40" />
      <source>female</source>
      <translation>female</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="41" />
      <source>male</source>
      <translation>male</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="46" />
      <source>Resident ID (optional; needed for large top-ups)</source>
      <translation>Resident ID (optional; needed for large top-ups)</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="47" />
      <source>The customer agrees to the privacy notice (required)</source>
      <translation>The customer agrees to the privacy notice (required)</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="49" />
      <source>Accepts promotion messages</source>
      <translation>Accepts promotion messages</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="56" />
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="57" />
      <source>Phone</source>
      <translation>Phone</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="58" />
      <source>Birthday</source>
      <translation>Birthday</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="59" />
      <source>Gender</source>
      <translation>Gender</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="60" />
      <source>Email</source>
      <translation>Email</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="61" />
      <source>ID number</source>
      <translation>ID number</translation>
    </message>
    <message>
      <location filename="../members/enroll.py" line="64" />
      <source>Card</source>
      <translation>Card</translation>
    </message>
    <message>
      <location filename="../members/history.py" line="26" />
      <source>sale</source>
      <translation>sale</translation>
    </message>
    <message>
      <location filename="../members/history.py" line="34" />
      <source>Tier changes</source>
      <translation>Tier changes</translation>
    </message>
    <message>
      <location filename="../members/history.py" line="36" />
      <source>Recent sales</source>
      <translation>Recent sales</translation>
    </message>
    <message>
      <location filename="../members/history.py" line="38" />
      <source>Top-ups</source>
      <translation>Top-ups</translation>
    </message>
    <message>
      <location filename="../members/history.py" line="45" />
      <source>Tier and history</source>
      <translation>Tier and history</translation>
    </message>
    <message>
      <location filename="../members/history.py" line="65" />
      <source>Reason (e.g. competitor's VIP card honoured)</source>
      <translation>Reason (e.g. competitor's VIP card honoured)</translation>
    </message>
    <message>
      <location filename="../members/history.py" line="66" />
      <source>Set tier (manager)</source>
      <translation>Set tier (manager)</translation>
    </message>
    <message>
      <location filename="../members/history.py" line="84" />
      <source>Give the reason for the tier change</source>
      <translation>Give the reason for the tier change</translation>
    </message>
    <message>
      <location filename="../members/history.py" line="94" />
      <source>Tier is now %1</source>
      <translation>Tier is now %1</translation>
    </message>
    <message>
      <location filename="../members/screen.py" line="166" />
      <source>card</source>
      <translation>card</translation>
    </message>
    <message>
      <location filename="../members/screen.py" line="39" />
      <source>Members</source>
      <translation>Members</translation>
    </message>
    <message>
      <location filename="../members/screen.py" line="40" />
      <source>Member counter</source>
      <translation>Member counter</translation>
    </message>
    <message>
      <location filename="../members/screen.py" line="43" />
      <source>Do the action of the open tab</source>
      <translation>Do the action of the open tab</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="115" />
      <source>Topped up: balance %1</source>
      <translation>Topped up: balance %1</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="21" />
      <source>Cash</source>
      <translation>Cash</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="21" />
      <source>Bank card</source>
      <translation>Bank card</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="21" />
      <source>Other</source>
      <translation>Other</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="25" />
      <source>Top up</source>
      <translation>Top up</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="37" />
      <source>Slip / voucher reference</source>
      <translation>Slip / voucher reference</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="41" />
      <source>from %1 +%2</source>
      <translation>from %1 +%2</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="47" />
      <source>Paid by</source>
      <translation>Paid by</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="48" />
      <source>Reference</source>
      <translation>Reference</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="49" />
      <source>Bonus ladder</source>
      <translation>Bonus ladder</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="50" />
      <source>Preview</source>
      <translation>Preview</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="63" />
      <source>Find a member, then enter an amount</source>
      <translation>Find a member, then enter an amount</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="78" />
      <source>Bonus: %1</source>
      <translation>Bonus: %1</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="79" />
      <source>Balance after: %1</source>
      <translation>Balance after: %1</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="80" />
      <source>Card cap %1; at most %2 more can be added</source>
      <translation>Card cap %1; at most %2 more can be added</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="85" />
      <source>Over the cap: this top-up will be refused</source>
      <translation>Over the cap: this top-up will be refused</translation>
    </message>
    <message>
      <location filename="../members/topup.py" line="87" />
      <source>Real-name purchase: the holder's ID number must be on file</source>
      <translation>Real-name purchase: the holder's ID number must be on file</translation>
    </message>
    <message>
      <location filename="../numpad.py" line="32" />
      <source>Enter</source>
      <translation>Enter</translation>
    </message>
    <message>
      <location filename="../numpad.py" line="32" />
      <source>Delete the last digit</source>
      <translation>Delete the last digit</translation>
    </message>
    <message>
      <location filename="../numpad.py" line="32" />
      <source>Clear</source>
      <translation>Clear</translation>
    </message>
    <message>
      <location filename="../payment.py" line="100" />
      <source>Staff code of the assistant (optional)</source>
      <translation>Staff code of the assistant (optional)</translation>
    </message>
    <message>
      <location filename="../payment.py" line="103" />
      <source>Tenders</source>
      <translation>Tenders</translation>
    </message>
    <message>
      <location filename="../payment.py" line="112" />
      <source>Credited to</source>
      <translation>Credited to</translation>
    </message>
    <message>
      <location filename="../payment.py" line="120" />
      <source>Amount (empty: the rest)</source>
      <translation>Amount (empty: the rest)</translation>
    </message>
    <message>
      <location filename="../payment.py" line="130" />
      <source>Present the member card, or type its number</source>
      <translation>Present the member card, or type its number</translation>
    </message>
    <message>
      <location filename="../payment.py" line="140" />
      <source>Member card</source>
      <translation>Member card</translation>
    </message>
    <message>
      <location filename="../payment.py" line="154" />
      <source>Remove last</source>
      <translation>Remove last</translation>
    </message>
    <message>
      <location filename="../payment.py" line="163" />
      <source>Back</source>
      <translation>Back</translation>
    </message>
    <message>
      <location filename="../payment.py" line="165" />
      <source>Complete</source>
      <translation>Complete</translation>
    </message>
    <message>
      <location filename="../payment.py" line="196" />
      <source>Member %1: %2 points (up to %3 usable here), stored value %4</source>
      <translation>Member %1: %2 points (up to %3 usable here), stored value %4</translation>
    </message>
    <message>
      <location filename="../payment.py" line="203" />
      <source>No member: points and stored value need a member</source>
      <translation>No member: points and stored value need a member</translation>
    </message>
    <message>
      <location filename="../payment.py" line="207" />
      <source>Paid wholly from stored value: %1 (saves %2)</source>
      <translation>Paid wholly from stored value: %1 (saves %2)</translation>
    </message>
    <message>
      <location filename="../payment.py" line="243" />
      <source>Scanned %1: go back to the cart (Esc) to add goods</source>
      <translation>Scanned %1: go back to the cart (Esc) to add goods</translation>
    </message>
    <message>
      <location filename="../payment.py" line="317" />
      <source>Still due: %1</source>
      <translation>Still due: %1</translation>
    </message>
    <message>
      <location filename="../payment.py" line="319" />
      <source>Change: %1</source>
      <translation>Change: %1</translation>
    </message>
    <message>
      <location filename="../payment.py" line="328" />
      <source>Nothing is left to pay</source>
      <translation>Nothing is left to pay</translation>
    </message>
    <message>
      <location filename="../payment.py" line="333" />
      <source>Enter the number of points first</source>
      <translation>Enter the number of points first</translation>
    </message>
    <message>
      <location filename="../payment.py" line="343" />
      <source>Present the member card (swipe, tap or insert)</source>
      <translation>Present the member card (swipe, tap or insert)</translation>
    </message>
    <message>
      <location filename="../payment.py" line="359" />
      <source>Enter the bank-card slip reference</source>
      <translation>Enter the bank-card slip reference</translation>
    </message>
    <message>
      <location filename="../payment.py" line="385" />
      <source>This card belongs to another member</source>
      <translation>This card belongs to another member</translation>
    </message>
    <message>
      <location filename="../payment.py" line="59" />
      <source>Payment</source>
      <translation>Payment</translation>
    </message>
    <message>
      <location filename="../payment.py" line="62" />
      <source>Pay with points</source>
      <translation>Pay with points</translation>
    </message>
    <message>
      <location filename="../payment.py" line="63" />
      <source>Pay with stored value (card presented)</source>
      <translation>Pay with stored value (card presented)</translation>
    </message>
    <message>
      <location filename="../payment.py" line="65" />
      <source>Bank card (reference)</source>
      <translation>Bank card (reference)</translation>
    </message>
    <message>
      <location filename="../payment.py" line="66" />
      <source>Other tender</source>
      <translation>Other tender</translation>
    </message>
    <message>
      <location filename="../payment.py" line="67" />
      <source>Remove the last tender</source>
      <translation>Remove the last tender</translation>
    </message>
    <message>
      <location filename="../payment.py" line="68" />
      <source>Complete the sale</source>
      <translation>Complete the sale</translation>
    </message>
    <message>
      <location filename="../payment.py" line="89" />
      <source>Total</source>
      <translation>Total</translation>
    </message>
    <message>
      <location filename="../returns.py" line="104" />
      <source>Refund</source>
      <translation>Refund</translation>
    </message>
    <message>
      <location filename="../returns.py" line="141" />
      <source>%1 is a refund; give the original sale</source>
      <translation>%1 is a refund; give the original sale</translation>
    </message>
    <message>
      <location filename="../returns.py" line="195" />
      <source>Refunded %1 as %2</source>
      <translation>Refunded %1 as %2</translation>
    </message>
    <message>
      <location filename="../returns.py" line="195" />
      <source>Will refund %1</source>
      <translation>Will refund %1</translation>
    </message>
    <message>
      <location filename="../returns.py" line="199" />
      <source>(%1 points back)</source>
      <translation>(%1 points back)</translation>
    </message>
    <message>
      <location filename="../returns.py" line="202" />
      <source>Points taken back: %1</source>
      <translation>Points taken back: %1</translation>
    </message>
    <message>
      <location filename="../returns.py" line="204" />
      <source>The coupon can be used again</source>
      <translation>The coupon can be used again</translation>
    </message>
    <message>
      <location filename="../returns.py" line="213" />
      <source>Choose the lines to return</source>
      <translation>Choose the lines to return</translation>
    </message>
    <message>
      <location filename="../returns.py" line="257" />
      <source>Refund %1 done</source>
      <translation>Refund %1 done</translation>
    </message>
    <message>
      <location filename="../returns.py" line="57" />
      <source>Returns</source>
      <translation>Returns</translation>
    </message>
    <message>
      <location filename="../returns.py" line="60" />
      <source>Receipt number (or scan the receipt's QR code)</source>
      <translation>Receipt number (or scan the receipt's QR code)</translation>
    </message>
    <message>
      <location filename="../returns.py" line="61" />
      <source>Preview what goes back</source>
      <translation>Preview what goes back</translation>
    </message>
    <message>
      <location filename="../returns.py" line="62" />
      <source>Refund (supervisor)</source>
      <translation>Refund (supervisor)</translation>
    </message>
    <message>
      <location filename="../returns.py" line="74" />
      <source>Receipt number, or scan the receipt's QR code</source>
      <translation>Receipt number, or scan the receipt's QR code</translation>
    </message>
    <message>
      <location filename="../returns.py" line="87" />
      <source>Return</source>
      <translation>Return</translation>
    </message>
    <message>
      <location filename="../returns.py" line="87" />
      <source>Sold</source>
      <translation>Sold</translation>
    </message>
    <message>
      <location filename="../returns.py" line="87" />
      <source>Returned</source>
      <translation>Returned</translation>
    </message>
    <message>
      <location filename="../returns.py" line="87" />
      <source>Qty to return</source>
      <translation>Qty to return</translation>
    </message>
    <message>
      <location filename="../returns.py" line="87" />
      <source>Paid</source>
      <translation>Paid</translation>
    </message>
    <message>
      <location filename="../shift.py" line="100" />
      <source>Cash float</source>
      <translation>Cash float</translation>
    </message>
    <message>
      <location filename="../shift.py" line="101" />
      <source>Cash counted</source>
      <translation>Cash counted</translation>
    </message>
    <message>
      <location filename="../shift.py" line="104" />
      <source>Open shift</source>
      <translation>Open shift</translation>
    </message>
    <message>
      <location filename="../shift.py" line="110" />
      <source>Close shift, Z report</source>
      <translation>Close shift, Z report</translation>
    </message>
    <message>
      <location filename="../shift.py" line="148" />
      <source>No shift is open</source>
      <translation>No shift is open</translation>
    </message>
    <message>
      <location filename="../shift.py" line="150" />
      <source>Shift %1 open since %2 by %3, float %4</source>
      <translation>Shift %1 open since %2 by %3, float %4</translation>
    </message>
    <message>
      <location filename="../shift.py" line="180" />
      <source>Shift %1 opened</source>
      <translation>Shift %1 opened</translation>
    </message>
    <message>
      <location filename="../shift.py" line="226" />
      <source>Shift %1 closed; expected %2, counted %3, difference %4</source>
      <translation>Shift %1 closed; expected %2, counted %3, difference %4</translation>
    </message>
    <message>
      <location filename="../shift.py" line="80" />
      <source>Shift</source>
      <translation>Shift</translation>
    </message>
    <message>
      <location filename="../shift.py" line="83" />
      <source>Open the shift with the cash float (supervisor)</source>
      <translation>Open the shift with the cash float (supervisor)</translation>
    </message>
    <message>
      <location filename="../shift.py" line="84" />
      <source>X report</source>
      <translation>X report</translation>
    </message>
    <message>
      <location filename="../shift.py" line="85" />
      <source>Close with the cash count and Z report (supervisor)</source>
      <translation>Close with the cash count and Z report (supervisor)</translation>
    </message>
  </context>
</TS>
